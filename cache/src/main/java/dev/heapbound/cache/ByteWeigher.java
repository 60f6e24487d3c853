package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Weigher;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.Measurement;
import dev.heapbound.core.SizeEstimator;

/**
 * Weighs an entry by the deep size of its key and value in bytes, saturated to the {@code int}
 * range that Caffeine's weights have, and never below 1.
 */
final class ByteWeigher implements Weigher<Object, Object> {

  /** The number of objects in one entry past which the cache warns, once, about its weight. */
  static final long LARGE_GRAPH_OBJECTS = 100_000;

  private final Registration registration;
  private final SizeEstimator estimator;
  private final long maximumBytes;
  private final boolean rejectOversized;

  ByteWeigher(
      Registration registration,
      SizeEstimator estimator,
      long maximumBytes,
      boolean rejectOversized) {
    this.registration = registration;
    this.estimator = estimator;
    this.maximumBytes = maximumBytes;
    this.rejectOversized = rejectOversized;
  }

  @Override
  public int weigh(Object key, Object value) {
    long bytes = bytesOf(key, value);
    if (bytes > maximumBytes) {
      if (rejectOversized) {
        throw new IllegalArgumentException(
            "cache '"
                + registration.name()
                + "' rejects an entry of "
                + DataSize.format(bytes)
                + ", larger than its maximumBytes of "
                + DataSize.format(maximumBytes)
                + " (value type "
                + value.getClass().getName()
                + "); raise maximumBytes or cache smaller values");
      }
      registration.recordOversized(bytes, maximumBytes);
    }
    return BoundedCaches.saturatedWeight(bytes);
  }

  /** Returns the deep size of key and value together, counting what they share once. */
  long bytesOf(Object key, Object value) {
    try {
      Measurement measurement = estimator.measure(key, value);
      if (measurement.objects() > LARGE_GRAPH_OBJECTS) {
        registration.recordLargeGraph(measurement, value.getClass());
      }
      return measurement.bytes();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cache '"
              + registration.name()
              + "' could not weigh a value of type "
              + value.getClass().getName()
              + "; check the size estimator's exclusion predicate",
          e);
    }
  }
}
