package dev.heapbound.examples;

import dev.heapbound.examples.ServiceRun.CapturedHeapReport;
import dev.heapbound.examples.ServiceRun.Kind;
import dev.heapbound.examples.ServiceRun.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sends one service its share of a demo run and records what happens. After the first failure the
 * driver sends nothing more, so a service that ran out of memory is never asked again.
 *
 * <p>With each sample the driver also fetches the service's heap report: the full report, with the
 * live-objects view, once heap used after GC has reached {@link #HEAP_REPORT_THRESHOLD} of the
 * maximum heap and at the last sample of the run, and the cheap one without that view otherwise.
 * Either one is a sample of the service's heap reporter, so its leak-suspicion rule measures the
 * growth between every two samples. Only one is fetched per sample, because a second report with no
 * requests in between would measure no growth and restart every streak. The driver keeps the latest
 * full report and throws the cheap ones away. A service that has run out of memory can no longer
 * respond, so the report taken while it still could is the diagnosis.
 */
final class ServiceDriver {

  /** The share of the maximum heap, used after GC, from which each sample takes a full report. */
  static final double HEAP_REPORT_THRESHOLD = 0.70;

  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  private final ServiceProcess process;
  private final int port;
  private final ReportClient client;
  private final String idPrefix;
  private final List<ServiceStats> samples = new ArrayList<>();
  private final List<String> heapReportFailures = new ArrayList<>();
  private CapturedHeapReport heapReport;
  private long requestsServed;
  private Outcome outcome;

  ServiceDriver(ServiceProcess process, int port, ReportClient client, String idPrefix) {
    this.process = process;
    this.port = port;
    this.client = client;
    this.idPrefix = idPrefix;
  }

  /** Returns whether the service has not failed and the run has not ended. */
  boolean isRunning() {
    return outcome == null;
  }

  /** Returns the {@code /report} requests that returned a whole report so far. */
  long requestsServed() {
    return requestsServed;
  }

  /** Returns how the run ended, or {@code null} while it goes on. */
  Outcome outcome() {
    return outcome;
  }

  /** Returns the last sample taken, or {@code null} before the first. */
  ServiceStats lastSample() {
    return samples.isEmpty() ? null : samples.get(samples.size() - 1);
  }

  /** Requests the report whose id is the id prefix and {@code request}, the request's number. */
  void sendReportRequest(long request) {
    if (!isRunning()) {
      return;
    }
    try {
      long length = client.fetchReport(port, idPrefix + request);
      if (length != Report.BODY_BYTES) {
        outcome =
            new Outcome(
                Kind.FAILED,
                request,
                "the report had " + length + " bytes, expected " + Report.BODY_BYTES);
        return;
      }
      requestsServed++;
    } catch (IOException e) {
      outcome = classifyFailure(request, "", e);
    }
  }

  /**
   * Takes a sample of the service's figures through {@code /stats}, then fetches its heap report:
   * the full one if heap used after GC has reached the threshold or {@code last} is set, else the
   * cheap one.
   */
  void sample(boolean last) {
    if (!isRunning()) {
      return;
    }
    ServiceStats stats;
    try {
      stats = client.fetchStats(port);
    } catch (IOException e) {
      outcome = classifyFailure(requestsServed, "during /stats", e);
      return;
    }
    samples.add(stats);
    boolean full = last || stats.heapUsedAfterGc() >= HEAP_REPORT_THRESHOLD * stats.maxHeap();
    fetchHeapReport(stats.requestsServed(), full);
  }

  /**
   * Fetches the heap report and keeps it if it is a full one. A failed report is recorded and the
   * run goes on, unless the service's JVM exited.
   */
  private void fetchHeapReport(long atRequest, boolean full) {
    try {
      String text = client.fetchHeapReport(port, full);
      if (full) {
        heapReport = new CapturedHeapReport(atRequest, text);
      }
    } catch (ReportClient.StatusException e) {
      heapReportFailures.add("at request " + atRequest + ", " + e.getMessage());
    } catch (IOException e) {
      Outcome failure = classifyFailure(requestsServed, "during /heap-report", e);
      if (failure.kind() == Kind.FAILED && process.isAlive()) {
        heapReportFailures.add("at request " + atRequest + ", " + e.getMessage());
      } else {
        outcome = failure;
      }
    }
  }

  /** Ends the run of a service that is still running because the demo's deadline passed. */
  void stopAtDeadline() {
    if (isRunning()) {
      outcome = new Outcome(Kind.DEADLINE, requestsServed, "");
    }
  }

  /** Ends the run and returns what happened; a service still running is stable. */
  ServiceRun finish() {
    if (isRunning()) {
      outcome = new Outcome(Kind.STABLE, requestsServed, "");
    }
    return new ServiceRun(
        process.name(),
        requestsServed,
        samples,
        outcome,
        Optional.ofNullable(heapReport),
        heapReportFailures);
  }

  /**
   * Decides why a request failed: the JVM exited because it ran out of heap, it exited for another
   * reason, or it is still running and the request itself failed.
   */
  private Outcome classifyFailure(long request, String phase, IOException failure) {
    OptionalInt exitCode = process.awaitExit(EXIT_WAIT);
    if (exitCode.isEmpty()) {
      return new Outcome(Kind.FAILED, request, failure.getMessage());
    }
    if (exitCode.getAsInt() == ServiceProcess.OUT_OF_MEMORY_EXIT_CODE
        || process.reportedOutOfMemory()) {
      return new Outcome(Kind.OUT_OF_MEMORY, request, phase);
    }
    return new Outcome(
        Kind.FAILED,
        request,
        "the JVM exited with code " + exitCode.getAsInt() + "; its output: " + process.tail());
  }
}
