package dev.heapbound.benchmarks.size;

import dev.heapbound.benchmarks.JvmFlags;
import org.openjdk.jmh.annotations.Fork;

/**
 * Times JOL's {@code GraphLayout} as a user runs it without opening modules: with {@code
 * -Djol.magicFieldOffset=true}, the one flag without which JOL 0.17 cannot measure records at all.
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JolDeepSizeBenchmark}
 */
@Fork(value = 1, jvmArgsAppend = JvmFlags.JOL_MAGIC_FIELD_OFFSET)
public class JolDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.JOL;
  }
}
