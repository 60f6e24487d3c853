package dev.heapbound.examples.spring;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves report summaries and studies over HTTP. */
@RestController
public class ReportController {

  private final ReportService reports;

  ReportController(ReportService reports) {
    this.reports = reports;
  }

  /**
   * Returns a summary of the report. Two requests for the same id within the cache's lifetime show
   * the same {@code generatedAt}, and {@code reportsGenerated} does not grow.
   */
  @GetMapping("/reports/{reportId}")
  public ReportSummary report(@PathVariable("reportId") String reportId) {
    EproReport report = reports.report(reportId);
    return new ReportSummary(
        report.reportId(),
        report.studyId(),
        report.generatedAt(),
        report.document().length(),
        reports.reportsGenerated());
  }

  /** Returns a study's basic information. */
  @GetMapping("/studies/{studyId}")
  public Study study(@PathVariable("studyId") String studyId) {
    return reports.study(studyId);
  }

  /**
   * The summary that {@code /reports/{reportId}} returns in place of the whole 1 MB document.
   *
   * @param reportId the report's id
   * @param studyId the study the report belongs to
   * @param generatedAt when the report was generated
   * @param documentLength the length of the document in characters
   * @param reportsGenerated how many reports the service has generated so far
   */
  public record ReportSummary(
      String reportId,
      String studyId,
      Instant generatedAt,
      int documentLength,
      long reportsGenerated) {}
}
