package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.RemovalListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eviction listener of every cache: counts each eviction by cause for the heap report, logs it
 * at debug with its cause and never its key or value, and then runs the user's eviction listener,
 * if any, guarded.
 */
final class EvictionLogger<K, V> implements RemovalListener<K, V> {

  private static final Logger log = LoggerFactory.getLogger("dev.heapbound.cache.Eviction");

  private final Registration registration;
  private final RemovalListener<K, V> delegate;

  EvictionLogger(Registration registration, RemovalListener<K, V> delegate) {
    this.registration = registration;
    this.delegate =
        delegate == null ? null : new GuardedListener<>(registration, "evictionListener", delegate);
  }

  @Override
  public void onRemoval(K key, V value, RemovalCause cause) {
    registration.recordEviction(cause);
    if (log.isDebugEnabled()) {
      log.debug("cache '{}' evicted an entry ({})", registration.name(), cause);
    }
    if (delegate != null) {
      delegate.onRemoval(key, value, cause);
    }
  }
}
