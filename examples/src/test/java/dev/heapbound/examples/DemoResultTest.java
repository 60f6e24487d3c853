package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.Kind;
import dev.heapbound.examples.ServiceRun.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoResultTest {

  private static final long MEGABYTE = 1024 * 1024;

  @TempDir Path outputDirectory;

  @Test
  void failureReason_emptyOnSuccess() {
    DemoResult result = result(leakingOutOfMemory(), bounded(16 * MEGABYTE, Kind.STABLE));

    assertThat(result.leakReproduced()).isTrue();
    assertThat(result.fixHeld()).isTrue();
    assertThat(result.failureReason()).isEmpty();
  }

  @Test
  void failureReason_namesLeakThatDidNotReproduce() {
    ServiceRun stable = run("leaking", 10, stats(10, 0), new Outcome(Kind.STABLE, 10, ""));
    DemoResult result = result(stable, bounded(MEGABYTE, Kind.STABLE));

    assertThat(result.failureReason())
        .hasValue(
            "the leak did not reproduce: the leaking service's outcome was 'stable'; raise"
                + " --requests or lower --heap");
  }

  @Test
  void failureReason_namesCacheBytesAboveBudget() {
    DemoResult result = result(leakingOutOfMemory(), bounded(17 * MEGABYTE, Kind.STABLE));

    assertThat(result.failureReason())
        .hasValue("the fix did not hold: the bounded cache held 17 MB, above its budget of 16 MB");
  }

  @Test
  void failureReason_namesBoundedOutOfMemory() {
    DemoResult result = result(leakingOutOfMemory(), bounded(MEGABYTE, Kind.OUT_OF_MEMORY));

    assertThat(result.failureReason())
        .hasValue(
            "the fix did not hold: the bounded service's outcome was 'OutOfMemoryError at request"
                + " 10'");
  }

  @Test
  void report_exitsOneWithReasonOnLastLine() throws IOException {
    DemoResult result = result(leakingOutOfMemory(), bounded(17 * MEGABYTE, Kind.STABLE));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int exitCode;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exitCode = ReportDemo.report(result, out);
    }

    List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exitCode).isEqualTo(1);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "demo failed: the fix did not hold: the bounded cache held 17 MB, above its budget of"
                + " 16 MB");
  }

  private DemoResult result(ServiceRun leaking, ServiceRun bounded) {
    DemoOptions options =
        new DemoOptions(
            "64m",
            10,
            DataSize.ofMegabytes(16),
            5,
            outputDirectory,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            "");
    return new DemoResult(options, leaking, bounded, Duration.ofSeconds(1));
  }

  private static ServiceRun leakingOutOfMemory() {
    return run("leaking", 5, stats(5, 5 * MEGABYTE), new Outcome(Kind.OUT_OF_MEMORY, 6, ""));
  }

  private static ServiceRun bounded(long cacheBytes, Kind kind) {
    return run("bounded", 10, stats(10, cacheBytes), new Outcome(kind, 10, ""));
  }

  private static ServiceRun run(String name, long served, ServiceStats sample, Outcome outcome) {
    return new ServiceRun(name, served, List.of(sample), outcome, Optional.empty(), List.of());
  }

  private static ServiceStats stats(long requestsServed, long cacheBytes) {
    return new ServiceStats(
        requestsServed, requestsServed, cacheBytes, -1, cacheBytes, 64 * MEGABYTE, "test figures");
  }
}
