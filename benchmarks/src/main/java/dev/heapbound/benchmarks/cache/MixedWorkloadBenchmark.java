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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times a read-heavy mix of lookups and writes from several threads on a cache bounded by entry
 * count.
 *
 * <p>Workload: four threads share a cache of {@code maximumSize(16384)} filled with the most
 * requested of 65,536 distinct {@code Integer} keys; each thread walks a Zipf-distributed key order
 * (exponent 0.99) from its own start, and one operation in eight is a {@code put}, the rest {@code
 * getIfPresent}. The score is the average time of one operation in one thread. On a 2-core machine
 * the four threads share two cores.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MixedWorkloadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Threads(MixedWorkloadBenchmark.THREADS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MixedWorkloadBenchmark {

  static final int THREADS = 4;
  static final int DISTINCT_KEYS = 1 << 16;
  static final int MAXIMUM_SIZE = 1 << 14;

  /** One operation in {@code WRITE_EVERY} is a put. */
  static final int WRITE_EVERY = 8;

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
  public Object readMostly(Cursor cursor) {
    int index = cursor.next();
    Integer key = keys.get(index);
    if (index % WRITE_EVERY == 0) {
      instance.put(key, Boolean.TRUE);
      return key;
    }
    return instance.getIfPresent(key);
  }

  /** Returns the cache under test, for tests. */
  Cache<Integer, Boolean> instance() {
    return instance;
  }
}
