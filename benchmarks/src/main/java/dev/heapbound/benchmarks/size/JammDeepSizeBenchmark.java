package dev.heapbound.benchmarks.size;

/**
 * Times jamm's {@code MemoryMeter} with its {@code Unsafe} strategy, in a JVM without flags. jamm
 * reads fields it cannot open through {@code Unsafe}, so it needs no {@code --add-opens}.
 *
 * <p>Workload: {@link DeepSizeBenchmark}, one graph per trial.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JammDeepSizeBenchmark}
 */
public class JammDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.JAMM;
  }
}
