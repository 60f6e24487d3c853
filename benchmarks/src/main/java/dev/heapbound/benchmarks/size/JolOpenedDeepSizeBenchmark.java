package dev.heapbound.benchmarks.size;

import dev.heapbound.benchmarks.JvmFlags;
import org.openjdk.jmh.annotations.Fork;

/**
 * Times JOL's {@code GraphLayout} in its fastest configuration found here: {@code
 * -Djol.magicFieldOffset=true} and {@code --add-opens} for every {@code java.base} package that the
 * graphs reach, without self-attach (JOL's instrumentation path was slower in a trial).
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JolOpenedDeepSizeBenchmark}
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      JvmFlags.JOL_MAGIC_FIELD_OFFSET,
      JvmFlags.OPEN_LANG,
      JvmFlags.OPEN_LANG_INVOKE,
      JvmFlags.OPEN_LANG_REF,
      JvmFlags.OPEN_UTIL,
      JvmFlags.OPEN_CONCURRENT,
      JvmFlags.OPEN_ATOMIC,
      JvmFlags.OPEN_LOCKS,
      JvmFlags.OPEN_TIME,
      JvmFlags.OPEN_TEMPORAL
    })
public class JolOpenedDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.JOL;
  }
}
