package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Weigher;

/**
 * Wraps a user's weigher so that every entry weighs at least 1 and a negative or failed weight is
 * an error naming the cache and the value type, never the key.
 */
final class CheckedWeigher<K, V> implements Weigher<K, V> {

  private final Registration registration;
  private final Weigher<K, V> delegate;

  CheckedWeigher(Registration registration, Weigher<K, V> delegate) {
    this.registration = registration;
    this.delegate = delegate;
  }

  @Override
  public int weigh(K key, V value) {
    int weight;
    try {
      weight = delegate.weigh(key, value);
    } catch (RuntimeException e) {
      registration.recordCallbackFailure("weigher", e);
      throw new IllegalArgumentException(
          "weigher of cache '"
              + registration.name()
              + "' failed for a value of type "
              + value.getClass().getName()
              + "; the entry was not written",
          e);
    }
    if (weight < 0) {
      throw new IllegalArgumentException(
          "weigher of cache '"
              + registration.name()
              + "' returned a negative weight: "
              + weight
              + " for a value of type "
              + value.getClass().getName()
              + "; return 0 or more, and note that heapbound raises 0 to 1");
    }
    return Math.max(1, weight);
  }
}
