package dev.heapbound.cache;

/** The reference strength with which a cache holds its values. */
public enum ValueStrength {
  /** Values stay until a bound evicts them. */
  STRONG,

  /**
   * Values stay while something outside the cache references them. Keys keep their own {@code
   * equals}, so a lookup with an equal key hits.
   */
  WEAK,

  /**
   * Values stay until the garbage collector needs the memory. Only offered beside a size or byte
   * bound, because soft references alone let the heap fill and make the collector run full
   * collections to clear them.
   */
  SOFT;

  String settingName() {
    switch (this) {
      case WEAK:
        return "weakValues";
      case SOFT:
        return "softValues";
      default:
        return "strongValues";
    }
  }
}
