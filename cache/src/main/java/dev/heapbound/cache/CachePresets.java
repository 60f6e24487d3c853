package dev.heapbound.cache;

import java.time.Duration;

/**
 * Builders preset for the two lifetimes that clinical-research services cache most: trials that
 * live while in use, and large generated reports that can be made again.
 *
 * <p>A preset sets defaults; any setter called afterwards replaces the default it touches, and adds
 * to the rest. For example {@code CachePresets.reports("reports").maximumBytes(
 * DataSize.ofMegabytes(64))} keeps soft values and the write expiry.
 */
public final class CachePresets {

  /** How long an unused trial entry stays in a trials cache, even while its trial is alive. */
  public static final Duration TRIALS_EXPIRE_AFTER_ACCESS = Duration.ofHours(1);

  /** How long a report stays in a reports cache after it was generated. */
  public static final Duration REPORTS_EXPIRE_AFTER_WRITE = Duration.ofMinutes(10);

  /** The share of the maximum heap that a reports cache may fill by default. */
  public static final int REPORTS_HEAP_PERCENT = 10;

  private CachePresets() {}

  /**
   * Returns a builder for a registry of trials by id: {@code weakValues()}, so an entry lives
   * exactly as long as its trial object is referenced somewhere else, and {@code
   * expireAfterAccess(1h)} as a backstop for trials that stay referenced but are never looked up.
   * Keys keep their own {@code equals}, so a lookup with an equal id hits.
   */
  public static BoundedCacheBuilder<Object, Object> trials(String name) {
    BoundedCacheBuilder<Object, Object> builder = BoundedCacheBuilder.newBuilder(name);
    builder.presetValues(ValueStrength.WEAK);
    builder.presetExpireAfterAccess(TRIALS_EXPIRE_AFTER_ACCESS);
    return builder;
  }

  /**
   * Returns a builder for generated reports: {@code maximumBytes} of 10 % of the maximum heap
   * ({@code Runtime.maxMemory()} when the builder is created), {@code softValues()} so that the
   * collector can take reports back under pressure before the bound is reached, and {@code
   * expireAfterWrite(10m)} so that a report is regenerated from current data.
   */
  public static BoundedCacheBuilder<Object, Object> reports(String name) {
    BoundedCacheBuilder<Object, Object> builder = BoundedCacheBuilder.newBuilder(name);
    builder.presetMaximumBytes(
        Math.max(1, Runtime.getRuntime().maxMemory() / 100 * REPORTS_HEAP_PERCENT));
    builder.presetValues(ValueStrength.SOFT);
    builder.presetExpireAfterWrite(REPORTS_EXPIRE_AFTER_WRITE);
    return builder;
  }
}
