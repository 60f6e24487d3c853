package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.CapturedHeapReport;
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
 * must serve every request within its budget. The heap report that the leaking service returned
 * before it ran out of memory must name the static map, and the bounded service's report must show
 * its cache as bounded. Every report id starts with a marker that no report may contain.
 */
class ReportDemoTest {

  private static final int REQUESTS = 150;
  private static final DataSize BUDGET = DataSize.ofMegabytes(16);
  private static final String ID_MARKER = "MARKER-ID-5d3c-";

  // The heap passes 70 % at about 40 requests and leaves less than the report reserve free at
  // about 50, so a sample every 5 requests gives two chances for a full heap report.
  private static final int SAMPLE_EVERY = 5;
  private static final String STATIC_MAP = "LeakingReportService.REPORTS";

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
            SAMPLE_EVERY,
            outputDirectory,
            Duration.ofSeconds(30),
            Duration.ofSeconds(110),
            ID_MARKER);
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

    assertThat(samples).as(printed).hasSizeGreaterThan(REQUESTS / SAMPLE_EVERY);
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
  void leakingHeapReport_topHolderIsStaticMap() {
    CapturedHeapReport report = heapReport(result.leaking());
    String[] lines = report.text().split("\n");
    ServiceStats sample = sampleAt(result.leaking(), report.atRequest());

    assertThat(lines[1]).as(report.text()).startsWith("  RETAINED  HEAP%  ENTRIES");
    assertThat(lines[2].strip())
        .as(report.text())
        .startsWith(DemoTable.megabytes(sample.cacheBytes()) + " ")
        .contains(" UNBOUNDED ")
        .endsWith(" " + STATIC_MAP + "  -");
    assertThat(report.text())
        .contains(
            "SUSPECTED LEAK: "
                + STATIC_MAP
                + " (UNBOUNDED) keeps growing while heap used after GC grows\n");
  }

  @Test
  void leakingHeapReport_namesAllocationLine() throws IOException {
    String text = heapReport(result.leaking()).text();
    String allocation =
        " sampled byte[] allocated at dev.heapbound.examples.Report.generate(line "
            + lineOf("Report.java", "byte[] body = new byte[BODY_BYTES];")
            + ")";

    if (text.contains("live objects: not available")) {
      fail(
          "the live-objects view is not available on this JVM, so the report names no allocation"
              + " line: "
              + text.lines().filter(line -> line.startsWith("live objects: ")).findFirst().get());
    }
    assertThat(text.lines())
        .as(text)
        .anySatisfy(
            line ->
                assertThat(line).startsWith("  " + STATIC_MAP + " holds ").endsWith(allocation));
    // The main class is the root, or the launcher's static appClass field leads to it.
    assertThat(text)
        .contains("         held by GC root: ")
        .containsPattern(
            "class dev\\.heapbound\\.examples\\.LeakingReportService\\)? -> "
                + "\\.REPORTS \\(java\\.util\\.HashMap\\) -> \\.table ");
  }

  @Test
  void leakingHeapReport_takenBeforeOutOfMemory() {
    CapturedHeapReport report = heapReport(result.leaking());
    ServiceStats sample = sampleAt(result.leaking(), report.atRequest());

    assertThat(report.atRequest()).isLessThan(result.leaking().outcome().atRequest());
    assertThat((double) sample.heapUsedAfterGc())
        .isGreaterThanOrEqualTo(ServiceDriver.HEAP_REPORT_THRESHOLD * sample.maxHeap());
  }

  @Test
  void boundedHeapReport_cacheBoundedNotFlagged() {
    CapturedHeapReport report = heapReport(result.bounded());
    String[] lines = report.text().split("\n");

    assertThat(report.atRequest()).isEqualTo(REQUESTS);
    assertThat(lines[2])
        .as(report.text())
        .contains(" maximumBytes=16 MB, ")
        .contains(" cache 'reports' ")
        .contains("BoundedReportService.<init>(");
    assertThat(report.text()).doesNotContain("SUSPECTED LEAK").doesNotContain("UNBOUNDED");
  }

  @Test
  void heapReports_containNoReportIdOrBody() {
    for (ServiceRun run : List.of(result.leaking(), result.bounded())) {
      assertThat(heapReport(run).text())
          .doesNotContain(ID_MARKER)
          .doesNotContain(Report.BODY_LINE)
          .doesNotContain("ePRO report ");
    }
    assertThat(printed).doesNotContain(ID_MARKER).doesNotContain(Report.BODY_LINE);
  }

  @Test
  void report_printsDiagnosisAfterTable() {
    int table = printed.indexOf("requests served");
    int heading = printed.indexOf(DemoDiagnosis.HEADING + "\n");

    assertThat(table).as(printed).isPositive();
    assertThat(heading).as(printed).isGreaterThan(table);
    assertThat(printed.substring(heading))
        .contains(
            "-- leaking service, at request "
                + heapReport(result.leaking()).atRequest()
                + " --\n"
                + heapReport(result.leaking()).text())
        .contains(
            "-- bounded service, at request "
                + REQUESTS
                + " --\n"
                + heapReport(result.bounded()).text());
  }

  @Test
  void report_writesHeapReportOfEachService() throws IOException {
    for (ServiceRun run : List.of(result.leaking(), result.bounded())) {
      Path file = outputDirectory.resolve(DemoDiagnosis.fileName(run.name()));

      assertThat(Files.readString(file)).isEqualTo(heapReport(run).text());
      assertThat(printed).contains("wrote " + file.toAbsolutePath());
    }
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

  private static CapturedHeapReport heapReport(ServiceRun run) {
    assertThat(run.heapReport())
        .as("the %s service's heap report; failures: %s", run.name(), run.heapReportFailures())
        .isPresent();
    return run.heapReport().get();
  }

  private static ServiceStats sampleAt(ServiceRun run, long requestsServed) {
    return run.samples().stream()
        .filter(sample -> sample.requestsServed() == requestsServed)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no sample at request " + requestsServed));
  }

  private static int lineOf(String file, String statement) throws IOException {
    Path source = Path.of("src/main/java/dev/heapbound/examples", file);
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(statement)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + source + " contains " + statement);
  }
}
