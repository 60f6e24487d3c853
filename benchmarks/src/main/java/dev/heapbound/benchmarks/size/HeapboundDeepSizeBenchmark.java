package dev.heapbound.benchmarks.size;

/**
 * Times heapbound's estimator with {@code countEverything()}, in a JVM without flags: no agent, no
 * {@code --add-opens}, no JOL flag.
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HeapboundDeepSizeBenchmark}
 */
public class HeapboundDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.HEAPBOUND;
  }
}
