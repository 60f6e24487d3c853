package dev.heapbound.examples;

import dev.heapbound.examples.ServiceRun.CapturedHeapReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The diagnosis step of a demo run: the heap report that each service returned, printed after the
 * table and written to {@code heap-report-<service>.txt} beside the series.
 */
final class DemoDiagnosis {

  /** The heading above both reports. */
  static final String HEADING = "diagnosis: the heap report of each service";

  private DemoDiagnosis() {}

  /** Returns the file name of a service's heap report, such as {@code heap-report-leaking.txt}. */
  static String fileName(String serviceName) {
    return "heap-report-" + serviceName + ".txt";
  }

  /** Formats the heading, when the reports were taken, and each service's report or its absence. */
  static String format(DemoResult result) {
    StringBuilder text = new StringBuilder();
    text.append(HEADING)
        .append('\n')
        .append("=".repeat(HEADING.length()))
        .append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "The latest full GET /heap-report of each service, which the demo requests at"
                    + " every sample with heap used after GC at %d %% of the maximum heap or more,"
                    + " and at the last sample.%n",
                Math.round(ServiceDriver.HEAP_REPORT_THRESHOLD * 100)));
    for (ServiceRun run : List.of(result.leaking(), result.bounded())) {
      text.append('\n');
      appendService(text, run);
    }
    return text.toString();
  }

  /**
   * Writes each service's report into {@code directory} and returns the paths. A service without a
   * report gets no file, and a file left from an earlier run is deleted.
   *
   * @throws IOException if the directory or a file cannot be written
   */
  static List<Path> write(DemoResult result, Path directory) throws IOException {
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    for (ServiceRun run : List.of(result.leaking(), result.bounded())) {
      Path file = directory.resolve(fileName(run.name()));
      Optional<CapturedHeapReport> report = run.heapReport();
      if (report.isPresent()) {
        Files.writeString(file, report.get().text(), StandardCharsets.UTF_8);
        written.add(file);
      } else {
        Files.deleteIfExists(file);
      }
    }
    return written;
  }

  private static void appendService(StringBuilder text, ServiceRun run) {
    Optional<CapturedHeapReport> report = run.heapReport();
    if (report.isPresent()) {
      text.append("-- ")
          .append(run.name())
          .append(" service, at request ")
          .append(report.get().atRequest())
          .append(" --\n")
          .append(report.get().text());
    } else {
      text.append("-- ").append(run.name()).append(" service: no heap report --\n");
      if (run.heapReportFailures().isEmpty()) {
        text.append(
            "no sample reached the threshold, and the service stopped before the last sample\n");
      }
    }
    for (String failure : run.heapReportFailures()) {
      text.append("not taken ").append(failure).append('\n');
    }
  }
}
