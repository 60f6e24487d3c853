package dev.heapbound.benchmarks.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Policy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs each cache benchmark's setup and a bounded number of its operations, without JMH, and checks
 * the cache each one builds. Nothing here is timed. Sizes are read after {@code cleanUp()}, because
 * the caches run maintenance on Caffeine's default executor.
 */
class CacheBenchmarksTest {

  private static final int OPERATIONS = 50_000;

  @ParameterizedTest
  @EnumSource(CacheKind.class)
  void get_hitsEveryKey(CacheKind kind) {
    SizeBoundGetBenchmark benchmark = new SizeBoundGetBenchmark();
    benchmark.cache = kind;
    benchmark.setUp();
    Cursor cursor = cursor();

    for (int i = 0; i < OPERATIONS; i++) {
      assertThat(benchmark.get(cursor)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(CacheKind.class)
  void put_evictsToMaximumSize(CacheKind kind) {
    SizeBoundPutBenchmark benchmark = new SizeBoundPutBenchmark();
    benchmark.cache = kind;
    benchmark.setUp();
    Cursor cursor = cursor();

    Set<Integer> keys = new HashSet<>(benchmark.instance().asMap().keySet());
    for (int i = 0; i < OPERATIONS; i++) {
      keys.add(benchmark.put(cursor));
    }
    benchmark.instance().cleanUp();

    assertThat(keys).hasSizeGreaterThan(SizeBoundPutBenchmark.MAXIMUM_SIZE);
    assertThat(benchmark.instance().estimatedSize()).isEqualTo(SizeBoundPutBenchmark.MAXIMUM_SIZE);
  }

  @ParameterizedTest
  @EnumSource(CacheKind.class)
  void bytePut_staysWithinByteBound(CacheKind kind) {
    ByteBoundPutBenchmark benchmark = new ByteBoundPutBenchmark();
    benchmark.cache = kind;
    benchmark.valueBytes = 1024;
    benchmark.setUp();
    Cursor cursor = cursor();

    for (int i = 0; i < OPERATIONS; i++) {
      benchmark.put(cursor);
    }
    benchmark.instance().cleanUp();
    Policy.Eviction<Integer, byte[]> eviction = benchmark.instance().policy().eviction().get();

    long bound = ByteBoundPutBenchmark.ENTRIES_IN_BOUND * (1024L + 64);
    assertThat(eviction.getMaximum()).isEqualTo(bound);
    assertThat(eviction.weightedSize().getAsLong()).isBetween(bound - 2 * (1024L + 64), bound);
  }

  @ParameterizedTest
  @EnumSource(CacheKind.class)
  void readMostly_evictsToMaximumSize(CacheKind kind) {
    MixedWorkloadBenchmark benchmark = new MixedWorkloadBenchmark();
    benchmark.cache = kind;
    benchmark.setUp();
    Cursor cursor = cursor();

    int hits = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      if (benchmark.readMostly(cursor) == Boolean.TRUE) {
        hits++;
      }
    }
    benchmark.instance().cleanUp();

    assertThat(hits).isGreaterThan(OPERATIONS / 2);
    assertThat(benchmark.instance().estimatedSize()).isEqualTo(MixedWorkloadBenchmark.MAXIMUM_SIZE);
  }

  private static Cursor cursor() {
    Cursor cursor = new Cursor();
    cursor.setUp();
    return cursor;
  }
}
