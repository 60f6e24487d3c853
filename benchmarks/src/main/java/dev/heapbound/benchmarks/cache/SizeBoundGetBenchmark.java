package dev.heapbound.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times {@code getIfPresent} on a cache bounded by entry count, where every lookup hits.
 *
 * <p>Workload: 65,536 distinct {@code Integer} keys, all present in a cache of {@code
 * maximumSize(65536)}; one thread looks keys up in a Zipf-distributed order (exponent 0.99).
 * Maintenance runs on Caffeine's default executor, as in production.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SizeBoundGetBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SizeBoundGetBenchmark {

  static final int DISTINCT_KEYS = 1 << 16;

  @Param({"HEAPBOUND", "CAFFEINE", "CAFFEINE_WITH_STATS"})
  public CacheKind cache;

  private KeySequence keys;
  private Cache<Integer, Boolean> instance;

  @Setup
  public void setUp() {
    keys = KeySequence.zipf(DISTINCT_KEYS);
    instance = cache.sizeBound(DISTINCT_KEYS, null);
    for (Integer key : keys.distinctByFrequency()) {
      instance.put(key, Boolean.TRUE);
    }
    instance.cleanUp();
  }

  @Benchmark
  public Boolean get(Cursor cursor) {
    return instance.getIfPresent(keys.get(cursor.next()));
  }

  /** Returns the cache under test, for tests. */
  Cache<Integer, Boolean> instance() {
    return instance;
  }
}
