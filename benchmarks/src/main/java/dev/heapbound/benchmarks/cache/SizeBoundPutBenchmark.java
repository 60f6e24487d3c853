package dev.heapbound.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
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
 * Times {@code put} on a cache bounded by entry count, with a mix of replacements and insertions
 * that evict.
 *
 * <p>Workload: a cache of {@code maximumSize(16384)} filled with the 16,384 most requested of
 * 65,536 distinct {@code Integer} keys; one thread puts keys in a Zipf-distributed order (exponent
 * 0.99), so popular keys are replaced and rare ones are inserted and evict others. Maintenance runs
 * on Caffeine's default executor.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SizeBoundPutBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SizeBoundPutBenchmark {

  static final int DISTINCT_KEYS = 1 << 16;
  static final int MAXIMUM_SIZE = 1 << 14;

  @Param({"HEAPBOUND", "CAFFEINE", "CAFFEINE_WITH_STATS"})
  public CacheKind cache;

  private KeySequence keys;
  private Cache<Integer, Boolean> instance;

  @Setup
  public void setUp() {
    keys = KeySequence.zipf(DISTINCT_KEYS);
    instance = cache.sizeBound(MAXIMUM_SIZE, null);
    List<Integer> popular = keys.distinctByFrequency();
    for (Integer key : popular.subList(0, Math.min(MAXIMUM_SIZE, popular.size()))) {
      instance.put(key, Boolean.TRUE);
    }
    instance.cleanUp();
  }

  @Benchmark
  public Integer put(Cursor cursor) {
    Integer key = keys.get(cursor.next());
    instance.put(key, Boolean.TRUE);
    return key;
  }

  /** Returns the cache under test, for tests. */
  Cache<Integer, Boolean> instance() {
    return instance;
  }
}
