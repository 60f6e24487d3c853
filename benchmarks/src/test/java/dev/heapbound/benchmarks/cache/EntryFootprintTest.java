package dev.heapbound.benchmarks.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Measures cache structure with JOL, in a test JVM that opens {@code java.base} for it. */
class EntryFootprintTest {

  @ParameterizedTest
  @EnumSource(EntryFootprint.Bound.class)
  void heapbound_addsNoBytesPerEntry(EntryFootprint.Bound bound) {
    EntryFootprint heapbound = EntryFootprint.measure(bound, CacheKind.HEAPBOUND);
    EntryFootprint caffeine = EntryFootprint.measure(bound, CacheKind.CAFFEINE);

    assertThat(caffeine.bytesPerEntry()).isPositive();
    assertThat(heapbound.bytesPerEntry()).isEqualTo(caffeine.bytesPerEntry());
    // The registration, weigher and listener of heapbound show up once per cache, not per entry.
    assertThat(heapbound.emptyBytes()).isGreaterThan(caffeine.emptyBytes());
  }

  @Test
  void parse_readsWhatToLineWrote() {
    EntryFootprint footprint =
        new EntryFootprint(EntryFootprint.Bound.BYTES, CacheKind.HEAPBOUND, 2_336, 787_888);

    assertThat(EntryFootprint.parse(footprint.toLine())).isEqualTo(footprint);
  }
}
