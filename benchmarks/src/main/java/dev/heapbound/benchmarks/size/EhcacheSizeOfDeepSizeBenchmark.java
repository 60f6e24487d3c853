package dev.heapbound.benchmarks.size;

import dev.heapbound.benchmarks.JvmFlags;
import org.openjdk.jmh.annotations.Fork;

/**
 * Times Ehcache's sizeof in the only configuration found here that measures every graph correctly:
 * {@code --add-opens} for the {@code java.base} packages the graphs reach, so that it does not skip
 * JDK fields, and self-attach, so that {@code SizeOf.newInstance} picks its agent engine. Its
 * {@code Unsafe} engine cannot compute field offsets of records.
 *
 * <p>Workload: each {@link dev.heapbound.benchmarks.graph.Graph} in turn, built once per trial and
 * measured again and again (see {@link DeepSizeBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EhcacheSizeOfDeepSizeBenchmark}
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      JvmFlags.ALLOW_ATTACH_SELF,
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
public class EhcacheSizeOfDeepSizeBenchmark extends DeepSizeBenchmark {

  @Override
  protected SizeTool tool() {
    return SizeTool.EHCACHE_SIZEOF;
  }
}
