package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.Scope;
import java.util.Objects;

/** Operations on caches that {@link BoundedCacheBuilder} built. */
public final class BoundedCaches {

  private BoundedCaches() {}

  /**
   * Weighs the entry for {@code key} again, for a value that changed in place since it was written.
   * Does nothing if the key is absent.
   *
   * <p>Caffeine fixes an entry's weight when the entry is written, so a mutable list that grows
   * from 1 MB to 40 MB still counts 1 MB until it is written again. This writes the same value
   * back, which makes Caffeine weigh it anew and evict other entries if the bound is now exceeded.
   * Caching immutable values avoids the need.
   *
   * @return {@code true} if the entry was present and weighed again
   */
  public static <K, V> boolean reweigh(Cache<K, V> cache, K key) {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    return cache.asMap().computeIfPresent(key, (k, value) -> value) != null;
  }

  /**
   * Invalidates the entry for {@code key} when {@code scope} closes, for an entry that belongs to
   * one request or job. The scope keeps the cache and the key until then.
   *
   * @throws IllegalStateException if the scope is closed
   */
  public static <K> void invalidateOnClose(Scope scope, Cache<K, ?> cache, K key) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    scope.onClose(() -> cache.invalidate(key));
  }

  /** Clamps a byte count to a Caffeine weight: at least 1 and at most {@code Integer.MAX_VALUE}. */
  static int saturatedWeight(long bytes) {
    if (bytes >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.max(1, bytes);
  }
}
