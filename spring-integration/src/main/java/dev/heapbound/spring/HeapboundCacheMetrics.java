package dev.heapbound.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import dev.heapbound.cache.CacheBounds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * Binds every cache to the {@link MeterRegistry} when the cache is created: Caffeine's statistics
 * through Micrometer's {@link CaffeineCacheMetrics}, and for byte-bounded caches two gauges,
 * {@value #WEIGHT} and {@value #WEIGHT_MAX}, in bytes.
 *
 * <p>The meters carry the tags that Spring Boot's own cache metrics use ({@code cache}, {@code
 * name} and {@code cache.manager}). Boot binds every cache that exists at startup through its
 * {@link CacheMeterBinderProvider} beans, and a second registration of the same gauges makes
 * Micrometer log a warning. As such a provider, this class returns a binder that binds nothing for
 * the caches it bound itself, so each cache has one set of meters, and leaves other caches to
 * Boot's providers.
 *
 * <p>NOTE: Boot calls its providers in the order of their beans, and this one comes first because
 * heapbound's auto-configuration runs before Boot's cache auto-configuration.
 */
final class HeapboundCacheMetrics
    implements CacheCreationListener, CacheMeterBinderProvider<CaffeineCache> {

  /** The binder for caches that are bound already. */
  private static final MeterBinder BOUND_ALREADY = registry -> {};

  /** Gauge of the total weight of a cache's entries in bytes. */
  static final String WEIGHT = "heapbound.cache.weight";

  /** Gauge of a cache's maximumBytes bound. */
  static final String WEIGHT_MAX = "heapbound.cache.weight.max";

  private final ObjectProvider<MeterRegistry> meterRegistry;

  /** The caches bound so far, held weakly so that a removed cache can be collected. */
  private final Set<CaffeineCache> boundCaches =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
    boundCaches.add(cache);
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

  /**
   * Returns a binder that binds nothing for a cache that this class bound when it was created, and
   * {@code null} for any other cache, so that Spring Boot's own provider binds it.
   */
  @Override
  public MeterBinder getMeterBinder(CaffeineCache cache, Iterable<Tag> tags) {
    return boundCaches.contains(cache) ? BOUND_ALREADY : null;
  }

  /** Returns the weighted size after pending maintenance, so that it is exact, not an estimate. */
  private static double weightedBytes(Cache<Object, Object> cache) {
    cache.cleanUp();
    OptionalLong weight =
        cache.policy().eviction().map(Policy.Eviction::weightedSize).orElse(OptionalLong.empty());
    return weight.isPresent() ? weight.getAsLong() : Double.NaN;
  }
}
