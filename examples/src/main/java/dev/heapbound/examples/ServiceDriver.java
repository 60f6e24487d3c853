package dev.heapbound.examples;

import dev.heapbound.examples.ServiceRun.Kind;
import dev.heapbound.examples.ServiceRun.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Sends one service its share of a demo run and records what happens. After the first failure the
 * driver sends nothing more, so a service that ran out of memory is never asked again.
 */
final class ServiceDriver {

  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  private final ServiceProcess process;
  private final int port;
  private final ReportClient client;
  private final List<ServiceStats> samples = new ArrayList<>();
  private long requestsServed;
  private Outcome outcome;

  ServiceDriver(ServiceProcess process, int port, ReportClient client) {
    this.process = process;
    this.port = port;
    this.client = client;
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

  /** Requests the report with id {@code request}, the request's number in the run. */
  void sendReportRequest(long request) {
    if (!isRunning()) {
      return;
    }
    try {
      long length = client.fetchReport(port, request);
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

  /** Takes a sample of the service's figures through {@code /stats}. */
  void sample() {
    if (!isRunning()) {
      return;
    }
    try {
      samples.add(client.fetchStats(port));
    } catch (IOException e) {
      outcome = classifyFailure(requestsServed, "during /stats", e);
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
    return new ServiceRun(process.name(), requestsServed, samples, outcome);
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
