package dev.heapbound.benchmarks.size;

/**
 * Times jamm's {@code MemoryMeter} with its instrumentation strategy. jamm must be loaded as an
 * agent; the benchmarks jar names jamm's premain class in its manifest, so it serves as the agent
 * jar. The suite passes the flag; a trial started without it fails in its setup.
 *
 * <p>Workload: {@link DeepSizeBenchmark}, one graph per trial.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JammAgentDeepSizeBenchmark
 * -jvmArgsAppend -javaagent:benchmarks/target/benchmarks.jar}
 */
public class JammAgentDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.JAMM_AGENT;
  }
}
