package dev.heapbound.cache;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** A periodic heap report started by {@link HeapReporter#startPeriodicReports}; close to stop. */
public final class PeriodicHeapReport implements AutoCloseable {

  private final ScheduledExecutorService executor;
  private final Duration interval;

  PeriodicHeapReport(ScheduledExecutorService executor, Duration interval) {
    this.executor = executor;
    this.interval = interval;
  }

  /** Returns whether reports are still scheduled. */
  public boolean isRunning() {
    return !executor.isShutdown();
  }

  /** Stops the reports; a report in progress finishes. */
  @Override
  public void close() {
    executor.shutdown();
  }

  @Override
  public String toString() {
    return "PeriodicHeapReport{interval=" + interval + (isRunning() ? "" : ", stopped") + "}";
  }
}
