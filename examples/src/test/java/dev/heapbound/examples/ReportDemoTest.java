package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced demo: both services in child JVMs with a 64 MB heap, 150 requests each, and a 16 MB
 * budget for the bounded cache. The leaking service must run out of memory, and the bounded one
 * must serve every request within its budget.
 */
class ReportDemoTest {

  private static final int REQUESTS = 150;
  private static final DataSize BUDGET = DataSize.ofMegabytes(16);

  @TempDir static Path outputDirectory;

  private static DemoResult result;
  private static int exitCode;
  private static String printed;

  @BeforeAll
  static void runReducedDemo() throws IOException {
    DemoOptions options =
        new DemoOptions(
            "64m",
            REQUESTS,
            BUDGET,
            10,
            outputDirectory,
            Duration.ofSeconds(30),
            Duration.ofSeconds(110));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      result = ReportDemo.run(options, out);
      exitCode = ReportDemo.report(result, out);
    }
    printed = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void leakingService_runsOutOfMemory() {
    ServiceRun leaking = result.leaking();

    assertThat(leaking.outcome().kind()).as(printed).isEqualTo(Kind.OUT_OF_MEMORY);
    assertThat(leaking.outcome().atRequest()).isLessThan(REQUESTS);
    assertThat(leaking.requestsServed()).isLessThan(REQUESTS);
  }

  @Test
  void leakingService_retainsEveryReportAfterGc() {
    ServiceStats last = result.leaking().lastSample().orElseThrow();

    assertThat(last.entries()).as(printed).isEqualTo(last.requestsServed()).isPositive();
    assertThat(last.cacheBytes()).isGreaterThanOrEqualTo(last.entries() * Report.BODY_BYTES);
    assertThat(last.heapUsedAfterGc()).isGreaterThanOrEqualTo(last.cacheBytes());
  }

  @Test
  void boundedService_servesEveryRequest() {
    ServiceRun bounded = result.bounded();

    assertThat(bounded.outcome().kind()).as(printed).isEqualTo(Kind.STABLE);
    assertThat(bounded.requestsServed()).isEqualTo(REQUESTS);
  }

  @Test
  void boundedService_cacheBytesStayWithinBudget() {
    List<ServiceStats> samples = result.bounded().samples();

    assertThat(samples).as(printed).hasSizeGreaterThan(REQUESTS / 10);
    assertThat(samples)
        .allSatisfy(sample -> assertThat(sample.cacheBytes()).isLessThanOrEqualTo(BUDGET.toBytes()))
        .allSatisfy(sample -> assertThat(sample.maximumCacheBytes()).isEqualTo(BUDGET.toBytes()));
    assertThat(samples.get(samples.size() - 1).entries())
        .isPositive()
        .isLessThanOrEqualTo(BUDGET.toBytes() / Report.BODY_BYTES);
  }

  @Test
  void boundedService_heapStaysBelowHalf() {
    long maxHeap = result.bounded().lastSample().orElseThrow().maxHeap();

    assertThat(result.bounded().heapUsedAfterGc().getMax()).as(printed).isLessThan(maxHeap / 2);
  }

  @Test
  void report_exitsZeroOnSuccess() {
    assertThat(result.failureReason()).as(printed).isEmpty();
    assertThat(exitCode).isZero();
    assertThat(printed)
        .contains("OutOfMemoryError at request " + result.leaking().outcome().atRequest())
        .contains("leak reproduced, fix held");
  }

  @Test
  void report_writesSeriesOfBothServices() throws IOException {
    List<String> csv = Files.readAllLines(outputDirectory.resolve(SeriesFiles.CSV_NAME));

    assertThat(csv.get(0)).isEqualTo(SeriesFiles.CSV_HEADER);
    assertThat(csv).filteredOn(line -> line.startsWith("leaking,")).isNotEmpty();
    assertThat(csv)
        .filteredOn(line -> line.startsWith("bounded,"))
        .hasSize(result.bounded().samples().size());
    assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("bounded," + REQUESTS + ","));
  }

  @Test
  void report_writesChartWithBothLines() throws IOException {
    String svg = Files.readString(outputDirectory.resolve(SeriesFiles.SVG_NAME));

    assertThat(svg).startsWith("<svg ").endsWith("</svg>\n");
    assertThat(svg.split("<polyline ", -1)).hasSize(3);
    assertThat(svg)
        .contains("OutOfMemoryError at request " + result.leaking().outcome().atRequest())
        .contains("max heap 64.0 MB");
  }
}
