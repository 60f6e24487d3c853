package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.size.EhcacheSizeOfDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.HeapboundDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.JammAgentDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.JammDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.JolDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.JolOpenedDeepSizeBenchmark;
import dev.heapbound.benchmarks.size.SizeTool;

/** An estimator as the deep-size benchmarks time it: its benchmark class, tool and JVM setup. */
enum Anchor {
  HEAPBOUND(HeapboundDeepSizeBenchmark.class, SizeTool.HEAPBOUND, JvmSetup.NO_FLAGS, "heapbound"),
  JOL_MAGIC(JolDeepSizeBenchmark.class, SizeTool.JOL, JvmSetup.JOL_MAGIC, "JOL, no --add-opens"),
  JOL_OPENED(JolOpenedDeepSizeBenchmark.class, SizeTool.JOL, JvmSetup.OPENED, "JOL, opened"),
  JAMM(JammDeepSizeBenchmark.class, SizeTool.JAMM, JvmSetup.NO_FLAGS, "jamm, Unsafe"),
  JAMM_AGENT(
      JammAgentDeepSizeBenchmark.class, SizeTool.JAMM_AGENT, JvmSetup.JAMM_AGENT, "jamm, agent"),
  EHCACHE(
      EhcacheSizeOfDeepSizeBenchmark.class,
      SizeTool.EHCACHE_SIZEOF,
      JvmSetup.OPENED_ATTACH,
      "Ehcache sizeof, opened, agent");

  final String benchmarkClass;
  final SizeTool tool;
  final JvmSetup setup;
  final String label;

  Anchor(Class<?> benchmarkClass, SizeTool tool, JvmSetup setup, String label) {
    this.benchmarkClass = benchmarkClass.getSimpleName();
    this.tool = tool;
    this.setup = setup;
    this.label = label;
  }
}
