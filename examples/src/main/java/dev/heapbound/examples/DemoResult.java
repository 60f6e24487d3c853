package dev.heapbound.examples;

import dev.heapbound.core.DataSize;
import dev.heapbound.examples.ServiceRun.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link ReportDemo} run: what happened to each service, and whether the run showed
 * what it exists to show.
 *
 * @param options the settings of the run
 * @param leaking the run of {@link LeakingReportService}
 * @param bounded the run of {@link BoundedReportService}
 * @param elapsed the wall time from starting the services to destroying them
 */
public record DemoResult(
    DemoOptions options, ServiceRun leaking, ServiceRun bounded, Duration elapsed) {

  /** Returns whether the leaking service ran out of heap before it served every request. */
  public boolean leakReproduced() {
    return leaking.outcome().kind() == Kind.OUT_OF_MEMORY;
  }

  /**
   * Returns whether the bounded service served every request, was still running at the end, and
   * reported cache bytes within its budget in every sample.
   */
  public boolean fixHeld() {
    return bounded.outcome().kind() == Kind.STABLE
        && bounded.requestsServed() == options.requests()
        && !bounded.samples().isEmpty()
        && bounded.maximumCacheBytesSeen() <= options.budget().toBytes();
  }

  /**
   * Returns the reason the run failed, in one line, or empty if the leak reproduced and the fix
   * held.
   */
  public Optional<String> failureReason() {
    List<String> reasons = new ArrayList<>();
    if (!leakReproduced()) {
      reasons.add(
          "the leak did not reproduce: the leaking service's outcome was '"
              + leaking.outcome()
              + "'; raise --requests or lower --heap");
    }
    if (!fixHeld()) {
      reasons.add("the fix did not hold: " + describeBoundedFailure());
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  private String describeBoundedFailure() {
    if (bounded.outcome().kind() != Kind.STABLE) {
      return "the bounded service's outcome was '" + bounded.outcome() + "'";
    }
    if (bounded.requestsServed() != options.requests()) {
      return "the bounded service served "
          + bounded.requestsServed()
          + " of "
          + options.requests()
          + " requests";
    }
    if (bounded.samples().isEmpty()) {
      return "no sample of the bounded service was taken";
    }
    return "the bounded cache held "
        + DataSize.format(bounded.maximumCacheBytesSeen())
        + ", above its budget of "
        + options.budget();
  }
}
