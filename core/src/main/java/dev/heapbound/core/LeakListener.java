package dev.heapbound.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the leaks that a {@link LeakDetector} finds, one report per distinct leak.
 *
 * <p>Reports arrive on the detectors' daemon thread, named {@code heapbound-leak-detector}, which
 * runs once the garbage collector has found a leak. So a listener must be quick and must not block.
 * A listener that throws is logged at warn and the detector carries on.
 */
@FunctionalInterface
public interface LeakListener {

  /** The logger of the default listener. */
  String LOGGER_NAME = "dev.heapbound.core.Leak";

  /** Receives a report. */
  void onLeak(LeakReport report);

  /**
   * Returns whether the listener wants reports at all. When it returns {@code false} the detector
   * builds no report: it neither measures nor describes the leaked objects.
   */
  default boolean isEnabled() {
    return true;
  }

  /**
   * Returns the default listener, which logs each report at warn to the SLF4J logger {@value
   * #LOGGER_NAME} and is enabled only while that level is.
   */
  static LeakListener slf4j() {
    Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    return new LeakListener() {
      @Override
      public void onLeak(LeakReport report) {
        log.warn("{}", report.describe());
      }

      @Override
      public boolean isEnabled() {
        return log.isWarnEnabled();
      }
    };
  }
}
