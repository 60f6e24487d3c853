package dev.heapbound.spring;

import dev.heapbound.cache.CacheBounds;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.CacheSummary;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code heapbound} Actuator endpoint: the caches of the application context's {@link
 * CacheRegistry}, with their entries, weighted bytes, bounds, hit rate and evictions.
 *
 * <p>The figures are taken after each cache's pending maintenance, so they are exact at that
 * moment. No key or value of any cache appears in the response.
 *
 * @since 0.1.0
 */
@Endpoint(id = "heapbound")
public class HeapboundEndpoint {

  private final CacheRegistry registry;

  /** Creates an endpoint that lists the caches of {@code registry}. */
  public HeapboundEndpoint(CacheRegistry registry) {
    this.registry = registry;
  }

  /** Lists every live cache of the registry, sorted by name. */
  @ReadOperation
  public CachesDescriptor caches() {
    return new CachesDescriptor(registry.caches().stream().map(CacheDescriptor::of).toList());
  }

  /** Describes the cache with this name, or returns {@code null}, which is a 404 over HTTP. */
  @ReadOperation
  public CacheDescriptor cache(@Selector String name) {
    return registry.cache(name).map(CacheDescriptor::of).orElse(null);
  }

  /**
   * The listing of all caches.
   *
   * @param caches one descriptor per live cache, sorted by name
   */
  public record CachesDescriptor(List<CacheDescriptor> caches) implements OperationResponseBody {}

  /**
   * One cache's figures.
   *
   * @param name the cache's name
   * @param entries the number of entries
   * @param weightedBytes the total deep size of the entries in bytes, for a cache with a byte
   *     bound, else {@code null}
   * @param bounds the bounds the cache was built with
   * @param hits lookups that found a value
   * @param misses lookups that found none
   * @param hitRate the share of lookups that hit, from 0 to 1, and 1 before the first lookup as in
   *     Caffeine's statistics
   * @param evictions entries removed by a bound or by the garbage collector
   * @param oversizedEntries entries larger than the whole byte bound, admitted and evicted at once
   */
  public record CacheDescriptor(
      String name,
      long entries,
      Long weightedBytes,
      BoundsDescriptor bounds,
      long hits,
      long misses,
      double hitRate,
      long evictions,
      long oversizedEntries)
      implements OperationResponseBody {

    static CacheDescriptor of(CacheSummary summary) {
      return new CacheDescriptor(
          summary.name(),
          summary.entries(),
          boxed(summary.weightedBytes()),
          BoundsDescriptor.of(summary.bounds()),
          summary.hits(),
          summary.misses(),
          summary.hitRate(),
          summary.evictions(),
          summary.oversizedEntries());
    }
  }

  /**
   * A cache's bounds. Unset bounds are {@code null}.
   *
   * @param maximumSize the maximum number of entries
   * @param maximumBytes the maximum deep size of all entries in bytes
   * @param maximumWeight the maximum total weight under a custom weigher
   * @param expireAfterWrite the time an entry lives after it was written, in ISO-8601 form such as
   *     {@code PT10M}
   * @param expireAfterAccess the time an entry lives after it was last read or written, in ISO-8601
   *     form
   * @param values how the cache references its values: {@code strong}, {@code weak} or {@code soft}
   * @param description the bounds for people, as in {@code maximumBytes=64 MB, softValues}
   */
  public record BoundsDescriptor(
      Long maximumSize,
      Long maximumBytes,
      Long maximumWeight,
      String expireAfterWrite,
      String expireAfterAccess,
      String values,
      String description) {

    static BoundsDescriptor of(CacheBounds bounds) {
      return new BoundsDescriptor(
          boxed(bounds.maximumSize()),
          boxed(bounds.maximumBytes()),
          boxed(bounds.maximumWeight()),
          iso(bounds.expireAfterWrite()),
          iso(bounds.expireAfterAccess()),
          bounds.values().name().toLowerCase(Locale.ROOT),
          bounds.toString());
    }
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
