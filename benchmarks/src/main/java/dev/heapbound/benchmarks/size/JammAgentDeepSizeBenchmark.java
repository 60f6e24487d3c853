package dev.heapbound.benchmarks.size;

/**
 * Times jamm's {@code MemoryMeter} with its instrumentation strategy, which needs jamm loaded as an
 * agent. The benchmarks jar names jamm's premain class in its manifest, so it serves as the agent
 * jar. The suite passes the flag, and a trial started without it fails in its setup.
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
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
