package dev.heapbound.benchmarks.size;

import dev.heapbound.benchmarks.graph.Graph;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The deep-size benchmark that each estimator's subclass runs: one estimator measures one {@link
 * Graph}, built once per trial, again and again. Each subclass forks its JVM with the flags its
 * estimator is measured under, so every estimator has a JVM, and a JIT profile, of its own.
 *
 * <p>Run all of them: {@code java -jar benchmarks/target/benchmarks.jar 'size\..*DeepSize'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class DeepSizeBenchmark {

  /** The graph measured; every {@link Graph} constant unless {@code -p graph=...} picks some. */
  @Param public Graph graph;

  private Object root;
  private ToLongFunction<Object> deepSize;

  /** Returns the estimator that this benchmark measures with. */
  protected abstract SizeTool tool();

  @Setup(Level.Trial)
  public void setUp() {
    root = graph.create();
    deepSize = tool().create();
    // A tool that cannot measure the graph fails here, before JMH times anything.
    deepSize.applyAsLong(root);
  }

  /** Measures the deep size of the graph and returns it, so the JIT cannot drop the walk. */
  @Benchmark
  public long deepSize() {
    return deepSize.applyAsLong(root);
  }

  /** Returns the graph this trial measures, for tests. */
  Object root() {
    return root;
  }
}
