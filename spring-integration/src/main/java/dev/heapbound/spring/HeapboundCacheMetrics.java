package dev.heapbound.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import dev.heapbound.cache.CacheBounds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * Binds every cache to the {@link MeterRegistry} when the cache is created: Caffeine's statistics
 * through Micrometer's {@link CaffeineCacheMetrics}, and for byte-bounded caches two gauges,
 * {@value #WEIGHT} and {@value #WEIGHT_MAX}, in bytes.
 *
 * <p>The meters carry the tags that Spring Boot's own cache metrics use ({@code cache}, {@code
 * name} and {@code cache.manager}). Boot binds the caches that exist at startup a second time.
 * Because the tags are equal, that binding resolves to the same meters, so there is no second set
 * of meters with other tags, which registries such as Prometheus reject.
 */
final class HeapboundCacheMetrics implements CacheCreationListener {

  /** Gauge of the total weight of a cache's entries in bytes. */
  static final String WEIGHT = "heapbound.cache.weight";

  /** Gauge of a cache's maximumBytes bound. */
  static final String WEIGHT_MAX = "heapbound.cache.weight.max";

  private final ObjectProvider<MeterRegistry> meterRegistry;

  HeapboundCacheMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
    this.meterRegistry = meterRegistry;
  }

  @Override
  public void cacheCreated(CaffeineCache cache, CacheBounds bounds, String cacheManagerName) {
    MeterRegistry registry = meterRegistry.getIfUnique();
    if (registry == null) {
      return;
    }
    String name = cache.getName();
    Cache<Object, Object> nativeCache = cache.getNativeCache();
    Tags tags = Tags.of("cache.manager", cacheManagerName, "name", name);
    CaffeineCacheMetrics.monitor(registry, nativeCache, name, tags);
    if (bounds.maximumBytes().isPresent()) {
      long maximumBytes = bounds.maximumBytes().getAsLong();
      Tags gaugeTags = tags.and("cache", name);
      Gauge.builder(WEIGHT, nativeCache, HeapboundCacheMetrics::weightedBytes)
          .tags(gaugeTags)
          .baseUnit(BaseUnits.BYTES)
          .description(
              "Total weight of the cache's entries: the deep size of each key and value in bytes,"
                  + " measured when the entry was written")
          .register(registry);
      Gauge.builder(WEIGHT_MAX, nativeCache, unused -> maximumBytes)
          .tags(gaugeTags)
          .baseUnit(BaseUnits.BYTES)
          .description("The cache's maximumBytes bound")
          .register(registry);
    }
  }

  /** Returns the weighted size after pending maintenance, so that it is exact, not an estimate. */
  private static double weightedBytes(Cache<Object, Object> cache) {
    cache.cleanUp();
    OptionalLong weight =
        cache.policy().eviction().map(Policy.Eviction::weightedSize).orElse(OptionalLong.empty());
    return weight.isPresent() ? weight.getAsLong() : Double.NaN;
  }
}
