package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.CapturedHeapReport;
import dev.heapbound.examples.ServiceRun.Kind;
import dev.heapbound.examples.ServiceRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDiagnosisTest {

  private static final String LEAKING_REPORT = "heap report (leaking)\n  one row\n";

  @TempDir Path outputDirectory;

  @Test
  void format_printsEachReportUnderHeading() {
    DemoResult result = result(List.of(), Optional.of(new CapturedHeapReport(150, "bounded\n")));

    assertThat(DemoDiagnosis.format(result))
        .isEqualTo(
            "diagnosis: the heap report of each service\n"
                + "==========================================\n"
                + "The latest full GET /heap-report of each service, which the demo requests at"
                + " every sample with heap used after GC at 70 % of the maximum heap or more, and"
                + " at the last sample.\n"
                + "\n"
                + "-- leaking service, at request 50 --\n"
                + LEAKING_REPORT
                + "\n"
                + "-- bounded service, at request 150 --\n"
                + "bounded\n");
  }

  @Test
  void format_explainsMissingReport() {
    DemoResult withFailure =
        result(
            List.of("at request 60, GET /heap-report returned status 503: skipped"),
            Optional.empty());
    DemoResult withoutFailure = result(List.of(), Optional.empty());

    assertThat(DemoDiagnosis.format(withFailure))
        .endsWith(
            "-- bounded service: no heap report --\n"
                + "not taken at request 60, GET /heap-report returned status 503: skipped\n");
    assertThat(DemoDiagnosis.format(withoutFailure))
        .endsWith(
            "-- bounded service: no heap report --\n"
                + "no sample reached the threshold, and the service stopped before the last"
                + " sample\n");
  }

  @Test
  void write_writesReportsAndDeletesStaleFile() throws IOException {
    Path stale = outputDirectory.resolve("heap-report-bounded.txt");
    Files.writeString(stale, "from an earlier run");

    List<Path> written = DemoDiagnosis.write(result(List.of(), Optional.empty()), outputDirectory);

    assertThat(written).containsExactly(outputDirectory.resolve("heap-report-leaking.txt"));
    assertThat(Files.readString(written.get(0))).isEqualTo(LEAKING_REPORT);
    assertThat(stale).doesNotExist();
  }

  private DemoResult result(List<String> boundedFailures, Optional<CapturedHeapReport> bounded) {
    DemoOptions options =
        new DemoOptions(
            "64m",
            150,
            DataSize.ofMegabytes(16),
            10,
            outputDirectory,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            "");
    ServiceRun leaking =
        new ServiceRun(
            "leaking",
            55,
            List.of(),
            new Outcome(Kind.OUT_OF_MEMORY, 56, ""),
            Optional.of(new CapturedHeapReport(50, LEAKING_REPORT)),
            List.of());
    ServiceRun boundedRun =
        new ServiceRun(
            "bounded", 150, List.of(), new Outcome(Kind.STABLE, 150, ""), bounded, boundedFailures);
    return new DemoResult(options, leaking, boundedRun, Duration.ofSeconds(1));
  }
}
