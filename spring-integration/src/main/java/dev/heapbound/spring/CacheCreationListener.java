package dev.heapbound.spring;

import dev.heapbound.cache.CacheBounds;
import org.springframework.cache.caffeine.CaffeineCache;

/** Callback for every cache that {@link HeapboundCacheManager} creates, at startup or on demand. */
interface CacheCreationListener {

  /**
   * Called once for each cache, right after it was built and before any caller can use it.
   *
   * @param cache the Spring cache that wraps the Caffeine cache
   * @param bounds the bounds the cache was built with
   * @param cacheManagerName the name under which Spring Boot tags the manager's metrics
   */
  void cacheCreated(CaffeineCache cache, CacheBounds bounds, String cacheManagerName);
}
