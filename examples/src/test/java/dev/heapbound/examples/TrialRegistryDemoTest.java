package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialRegistryDemoTest {

  private static final List<String> ALL_TRIALS = List.of("TRIAL-0041", "TRIAL-0042", "TRIAL-0043");

  private static TrialDemoResult result;
  private static String printed;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      result = TrialRegistryDemo.run(out);
    }
    printed = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bothRegistries_listEveryTrialWhileInUse() {
    assertThat(result.mapBefore()).as(printed).isEqualTo(ALL_TRIALS);
    assertThat(result.cacheBefore()).as(printed).isEqualTo(ALL_TRIALS);
  }

  @Test
  void staticMap_keepsFinishedTrialAfterGc() {
    assertThat(result.mapAfter()).as(printed).isEqualTo(ALL_TRIALS);
    assertThat(result.mapPinsFinished()).isTrue();
  }

  @Test
  void trialsPreset_dropsFinishedTrialAfterGc() {
    assertThat(result.cacheReleasedFinished()).as(printed).isTrue();
    assertThat(result.cacheAfter()).as(printed).isEqualTo(List.of("TRIAL-0041", "TRIAL-0043"));
  }

  @Test
  void trialsPreset_hitsWithEqualId() {
    assertThat(result.equalIdHits()).as(printed).isTrue();
  }

  @Test
  void run_printsBothRegistriesBeforeAndAfter() {
    assertThat(printed)
        .contains("  static HashMap  3 trials: TRIAL-0041, TRIAL-0042, TRIAL-0043")
        .contains("  trials preset   2 trials: TRIAL-0041, TRIAL-0043")
        .contains("TRIAL-0042 finished; the application no longer references it");
    assertThat(result.failureReason()).isEmpty();
  }

  @Test
  void main_exitsZeroInChildJvm(@TempDir Path directory) throws IOException, InterruptedException {
    Path output = directory.resolve("trials.txt");
    Process process =
        new ProcessBuilder(ServiceProcess.command(TrialRegistryDemo.class, "64m", List.of()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean exited;
    try {
      exited = process.waitFor(60, TimeUnit.SECONDS);
    } finally {
      process.destroyForcibly();
    }

    String childOutput = Files.readString(output);
    assertThat(exited).as(childOutput).isTrue();
    assertThat(process.exitValue()).as(childOutput).isZero();
    assertThat(childOutput)
        .contains("the static map kept TRIAL-0042; the trials preset let it go")
        .doesNotContain("demo failed");
  }
}
