package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static-map leak and its fix, ten runs of each, with a 64 MB heap and 100 distinct reports of
 * 1 MB. The leaking service must run out of memory in every run. The bounded one must serve every
 * request within its 16 MB budget in every run.
 */
class LeakVersusFixRepeatTest {

  private static final int RUNS = 10;
  private static final int REQUESTS = 100;
  private static final DataSize BUDGET = DataSize.ofMegabytes(16);

  @TempDir static Path outputDirectory;

  private static final List<DemoResult> results = new ArrayList<>();
  private static String printed;

  @BeforeAll
  static void runTenTimes() throws IOException {
    DemoOptions options =
        new DemoOptions(
            "64m",
            REQUESTS,
            BUDGET,
            50,
            outputDirectory,
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            "");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      for (int run = 0; run < RUNS; run++) {
        results.add(ReportDemo.run(options, out));
      }
    }
    printed = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void leakingService_runsOutOfMemoryEveryRun() {
    assertThat(results)
        .as(printed)
        .hasSize(RUNS)
        .allSatisfy(
            result -> {
              assertThat(result.leaking().outcome().kind()).isEqualTo(Kind.OUT_OF_MEMORY);
              assertThat(result.leaking().requestsServed()).isLessThan(REQUESTS);
            });
  }

  @Test
  void boundedService_holdsEveryRun() {
    assertThat(results)
        .as(printed)
        .hasSize(RUNS)
        .allSatisfy(
            result -> {
              assertThat(result.bounded().outcome().kind()).isEqualTo(Kind.STABLE);
              assertThat(result.bounded().requestsServed()).isEqualTo(REQUESTS);
              assertThat(result.bounded().maximumCacheBytesSeen())
                  .isPositive()
                  .isLessThanOrEqualTo(BUDGET.toBytes());
            });
  }
}
