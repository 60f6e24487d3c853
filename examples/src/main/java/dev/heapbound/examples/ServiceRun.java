package dev.heapbound.examples;

import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;

/**
 * The record of one report service during a demo run.
 *
 * @param name the service's name in tables and files
 * @param requestsServed the {@code /report} requests that returned a whole report
 * @param samples the {@code /stats} figures, in the order they were taken
 * @param outcome how the run ended
 * @param heapReport the latest full heap report that the service returned, if it returned one
 * @param heapReportFailures why heap reports could not be taken, one line per failed request
 */
public record ServiceRun(
    String name,
    long requestsServed,
    List<ServiceStats> samples,
    Outcome outcome,
    Optional<CapturedHeapReport> heapReport,
    List<String> heapReportFailures) {

  public ServiceRun {
    samples = List.copyOf(samples);
    heapReportFailures = List.copyOf(heapReportFailures);
  }

  /** Returns the last sample, if any was taken. */
  public Optional<ServiceStats> lastSample() {
    return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
  }

  /** Returns the minimum, maximum and average heap used after GC over the samples. */
  public LongSummaryStatistics heapUsedAfterGc() {
    return samples.stream().mapToLong(ServiceStats::heapUsedAfterGc).summaryStatistics();
  }

  /** Returns the largest cache bytes of any sample, or 0 without samples. */
  public long maximumCacheBytesSeen() {
    return samples.stream().mapToLong(ServiceStats::cacheBytes).max().orElse(0);
  }

  /**
   * A heap report as a service returned it from {@code GET /heap-report}.
   *
   * @param atRequest the {@code /report} requests the service had served when it took the report
   * @param text the report in the service's text rendering
   */
  public record CapturedHeapReport(long atRequest, String text) {}

  /**
   * The end of a service's run.
   *
   * @param kind what ended the run
   * @param atRequest the number of the request in flight when the run ended, or the last request
   *     sent when it ended normally
   * @param detail what failed, for {@link Kind#FAILED}; {@code "during /stats"} or {@code "during
   *     /heap-report"} for an {@link Kind#OUT_OF_MEMORY} while the service collected its figures or
   *     took its heap report; empty otherwise
   */
  public record Outcome(Kind kind, long atRequest, String detail) {

    /** Describes the outcome in the words of the demo's table. */
    @Override
    public String toString() {
      return switch (kind) {
        case STABLE -> "stable";
        case OUT_OF_MEMORY ->
            detail.isEmpty()
                ? "OutOfMemoryError at request " + atRequest
                : "OutOfMemoryError " + detail + " after request " + atRequest;
        case DEADLINE -> "stopped at the deadline after request " + atRequest;
        case FAILED -> "failed at request " + atRequest + ": " + detail;
      };
    }
  }

  /** The cause that ended a service's run. */
  public enum Kind {
    /** The service served every request and was still running at the end. */
    STABLE,
    /** The service's JVM ran out of heap and exited. */
    OUT_OF_MEMORY,
    /** The demo's deadline passed before every request was sent. */
    DEADLINE,
    /** A request failed for another reason, or the JVM exited without running out of heap. */
    FAILED
  }
}
