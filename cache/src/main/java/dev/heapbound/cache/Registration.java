package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.heapbound.core.CallSite;
import dev.heapbound.core.DataSize;
import java.lang.ref.WeakReference;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name, bounds and counters that heapbound keeps for one cache, with a weak reference to the
 * cache itself. The weigher and listeners of the cache reference this object, never the other way
 * round, so the registry keeps no cache alive.
 */
final class Registration {

  private static final Logger log = LoggerFactory.getLogger(BoundedCacheBuilder.class);
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String name;
  private final CacheBounds bounds;
  private final CallSite creationSite;
  private final LongAdder oversizedEntries = new LongAdder();
  private final LongAdder[] evictionsByCause = new LongAdder[RemovalCause.values().length];
  private final AtomicLong lastOversizedWarning =
      new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
  private final AtomicBoolean callbackFailureLogged = new AtomicBoolean();
  private final AtomicBoolean largeGraphWarned = new AtomicBoolean();
  private volatile WeakReference<Cache<?, ?>> cache;

  Registration(String name, CacheBounds bounds) {
    this(name, bounds, null);
  }

  Registration(String name, CacheBounds bounds, CallSite creationSite) {
    this.name = name;
    this.bounds = bounds;
    this.creationSite = creationSite;
    for (int i = 0; i < evictionsByCause.length; i++) {
      evictionsByCause[i] = new LongAdder();
    }
  }

  String name() {
    return name;
  }

  CacheBounds bounds() {
    return bounds;
  }

  /** Returns where the cache was built, or {@code null} when it is not known. */
  CallSite creationSite() {
    return creationSite;
  }

  /** Counts an entry that a bound, expiry or the garbage collector removed. */
  void recordEviction(RemovalCause cause) {
    evictionsByCause[cause.ordinal()].increment();
  }

  /** Returns the evictions so far by cause, leaving out causes with none. */
  Map<RemovalCause, Long> evictionsByCause() {
    Map<RemovalCause, Long> counts = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      long count = evictionsByCause[cause.ordinal()].sum();
      if (count > 0) {
        counts.put(cause, count);
      }
    }
    return counts;
  }

  void attach(Object builtCache) {
    this.cache = new WeakReference<>((Cache<?, ?>) builtCache);
  }

  /** Returns the cache, or {@code null} before it is attached or after it was collected. */
  Cache<?, ?> cache() {
    WeakReference<Cache<?, ?>> reference = cache;
    return reference == null ? null : reference.get();
  }

  boolean isAttached() {
    return cache != null;
  }

  long oversizedEntries() {
    return oversizedEntries.sum();
  }

  /** Counts an entry larger than the whole byte bound, warning at most once a minute. */
  void recordOversized(long bytes, long maximumBytes) {
    oversizedEntries.increment();
    long now = System.nanoTime();
    long last = lastOversizedWarning.get();
    if (now - last >= WARNING_INTERVAL_NANOS && lastOversizedWarning.compareAndSet(last, now)) {
      log.warn(
          "cache '{}' was given an entry of {}, larger than its maximumBytes of {}; Caffeine"
              + " evicts it at once, so it is never served from the cache (oversized entries so"
              + " far: {}); raise maximumBytes or cache smaller values",
          name,
          DataSize.format(bytes),
          DataSize.format(maximumBytes),
          oversizedEntries.sum());
    }
  }

  /**
   * Warns, once for the cache, about an entry whose walk reached very many objects: usually a value
   * that references a framework object, a service or a shared structure, whose whole graph is then
   * charged to the entry.
   */
  void recordLargeGraph(dev.heapbound.core.Measurement measurement, Class<?> valueType) {
    if (largeGraphWarned.compareAndSet(false, true)) {
      log.warn(
          "cache '{}' weighed an entry of {} objects and {} (value type {}); if the value"
              + " references a framework object, a service or shared data, its whole graph is"
              + " charged to the entry, so exclude such types with"
              + " SizeEstimator.builder().excludeType(...) and pass the estimator to the builder",
          name,
          measurement.objects(),
          DataSize.format(measurement.bytes()),
          valueType.getName());
    }
  }

  /**
   * Logs a failure of a user's callback, once for the cache at warn and later at debug, with the
   * throwable's type and stack trace but not its message, which may contain a key or value.
   */
  void recordCallbackFailure(String callback, Throwable failure) {
    if (callbackFailureLogged.compareAndSet(false, true)) {
      log.warn(
          "{} of cache '{}' threw; the cache keeps serving, and later failures of its callbacks"
              + " are logged at debug",
          callback,
          name,
          RedactedThrowable.of(failure));
    } else if (log.isDebugEnabled()) {
      log.debug("{} of cache '{}' threw again", callback, name, RedactedThrowable.of(failure));
    }
  }
}
