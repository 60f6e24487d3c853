package dev.heapbound.testkit;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.SizeEstimator;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Asserts how much memory a cache holds. The cache runs its pending maintenance first, so evictions
 * that Caffeine would run in the background have happened, and then the keys and values of its
 * entries are measured by {@link SizeEstimator#defaults()}, each entry on its own as a byte bound
 * weighs them.
 */
public final class CacheMemoryAssert extends AbstractAssert<CacheMemoryAssert, Cache<?, ?>> {

  CacheMemoryAssert(Cache<?, ?> cache) {
    super(cache, CacheMemoryAssert.class);
  }

  /** Passes if the entries hold at most {@code maxBytes} bytes after maintenance. */
  public CacheMemoryAssert holdsAtMostBytes(long maxBytes) {
    isNotNull();
    actual.cleanUp();
    long bytes = 0;
    long entries = 0;
    for (Map.Entry<?, ?> entry : actual.asMap().entrySet()) {
      bytes += SizeEstimator.defaults().measure(entry.getKey(), entry.getValue()).bytes();
      entries++;
    }
    if (bytes > maxBytes) {
      failWithMessage(
          "%s",
          String.format(
              Locale.ROOT,
              "expected %s to hold at most %s after maintenance, but its %,d entries hold %,d"
                  + " bytes",
              describeCache(),
              DataSize.format(maxBytes),
              entries,
              bytes));
    }
    return this;
  }

  /** Passes if the entries hold at most {@code size} after maintenance. */
  public CacheMemoryAssert holdsAtMost(DataSize size) {
    return holdsAtMostBytes(size.toBytes());
  }

  private String describeCache() {
    CacheRegistry registry = CacheRegistry.global();
    for (String name : registry.names()) {
      if (registry.lookup(name).orElse(null) == actual) {
        return "cache '" + name + "'";
      }
    }
    return "the cache";
  }
}
