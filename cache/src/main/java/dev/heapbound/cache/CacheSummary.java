package dev.heapbound.cache;

import java.util.OptionalLong;

/**
 * A cache's figures at one moment, taken after its pending maintenance ran. No key or value appears
 * here.
 *
 * @param name the cache's name
 * @param bounds the bounds it was built with
 * @param entries the number of entries
 * @param weightedBytes the total weight of the entries in bytes, for a cache with {@code
 *     maximumBytes}
 * @param hits lookups that found a value
 * @param misses lookups that found none
 * @param evictions entries removed by a bound or by the garbage collector
 * @param oversizedEntries entries larger than the whole byte bound, admitted and evicted at once
 */
public record CacheSummary(
    String name,
    CacheBounds bounds,
    long entries,
    OptionalLong weightedBytes,
    long hits,
    long misses,
    long evictions,
    long oversizedEntries) {

  /** Returns the share of lookups that hit, from 0 to 1, or 1 when there was no lookup. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 1.0 : (double) hits / lookups;
  }
}
