package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.cache.CacheKind;
import dev.heapbound.benchmarks.cache.EntryFootprint;

/**
 * Measures the {@link EntryFootprint} of a heapbound cache and of raw Caffeine under each bound and
 * prints one line for each. Run it with {@code --add-opens} for {@code java.base}, so that JOL
 * reads the JDK objects inside the caches directly.
 *
 * <p>Run: {@code java <--add-opens flags> -cp benchmarks/target/benchmarks.jar
 * dev.heapbound.benchmarks.suite.FootprintHarness}
 */
public final class FootprintHarness {

  private FootprintHarness() {}

  public static void main(String[] args) {
    for (EntryFootprint.Bound bound : EntryFootprint.Bound.values()) {
      for (CacheKind kind : new CacheKind[] {CacheKind.HEAPBOUND, CacheKind.CAFFEINE}) {
        System.out.println(EntryFootprint.measure(bound, kind).toLine());
      }
    }
  }
}
