package dev.heapbound.benchmarks.size;

/**
 * Times jamm's {@code MemoryMeter} with its {@code Unsafe} strategy, in a JVM without flags. jamm
 * reads fields it cannot open through {@code Unsafe}, so it needs no {@code --add-opens}.
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JammDeepSizeBenchmark}
 */
public class JammDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.JAMM;
  }
}
