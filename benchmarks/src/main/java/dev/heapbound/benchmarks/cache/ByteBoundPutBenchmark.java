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
 * Times {@code put} of {@code byte[]} values on a cache bounded in bytes: heapbound's {@code
 * maximumBytes}, which weighs each entry by the deep size of key and value, against Caffeine's
 * {@code maximumWeight} with a hand-written weigher that returns {@code byte[].length}, without and
 * with {@code recordStats()}.
 *
 * <p>Workload: values of 1 KB or 1 MB, drawn from a pool of 16 arrays so that the timed code
 * allocates nothing; a bound of 256 values of that size; one thread puts 1,024 distinct {@code
 * Integer} keys in a uniform random order, so about three puts in four insert a new entry and evict
 * one. Maintenance runs on Caffeine's default executor.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ByteBoundPutBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ByteBoundPutBenchmark {

  static final int DISTINCT_KEYS = 1_024;
  static final int ENTRIES_IN_BOUND = 256;
  static final int POOL_SIZE = 16;

  /** The size of each value in bytes: 1 KB or 1 MB. */
  @Param({"1024", "1048576"})
  public int valueBytes;

  @Param({"HEAPBOUND", "CAFFEINE", "CAFFEINE_WITH_STATS"})
  public CacheKind cache;

  private KeySequence keys;
  private byte[][] values;
  private Cache<Integer, byte[]> instance;

  @Setup
  public void setUp() {
    keys = KeySequence.uniform(DISTINCT_KEYS);
    values = new byte[POOL_SIZE][];
    for (int i = 0; i < POOL_SIZE; i++) {
      values[i] = new byte[valueBytes];
    }
    // Room for the values plus their keys and array headers, in either way of weighing.
    instance = cache.byteBound((long) ENTRIES_IN_BOUND * (valueBytes + 64), null);
  }

  @Benchmark
  public Integer put(Cursor cursor) {
    int index = cursor.next();
    Integer key = keys.get(index);
    instance.put(key, values[index & (POOL_SIZE - 1)]);
    return key;
  }

  /** Returns the cache under test, for tests. */
  Cache<Integer, byte[]> instance() {
    return instance;
  }
}
