package dev.heapbound.examples.spring;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** Generates ePRO reports and study information, cached in the caches of application.yml. */
@Service
public class ReportService {

  /** Length of each generated document, in characters of one byte each. */
  static final int DOCUMENT_LENGTH = 1024 * 1024;

  private final Clock clock = Clock.systemUTC();
  private final AtomicLong reportsGenerated = new AtomicLong();

  /** Generates the report with this id, or returns it from the {@code reports} cache. */
  @Cacheable("reports")
  public EproReport report(String reportId) {
    reportsGenerated.incrementAndGet();
    String studyId = "S-" + Math.floorMod(reportId.hashCode(), 10);
    return new EproReport(reportId, studyId, clock.instant(), render(reportId));
  }

  /** Looks up a study, or returns it from the {@code studies} cache. */
  @Cacheable("studies")
  public Study study(String studyId) {
    return new Study(studyId, "Patient-reported outcomes study " + studyId, "II");
  }

  /** Returns how many reports were generated rather than served from the cache. */
  public long reportsGenerated() {
    return reportsGenerated.get();
  }

  private static String render(String reportId) {
    StringBuilder document = new StringBuilder(DOCUMENT_LENGTH);
    document.append("ePRO report ").append(reportId).append('\n');
    while (document.length() < DOCUMENT_LENGTH) {
      document.append("question;answer;score\n");
    }
    document.setLength(DOCUMENT_LENGTH);
    return document.toString();
  }
}
