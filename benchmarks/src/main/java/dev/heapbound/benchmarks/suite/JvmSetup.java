package dev.heapbound.benchmarks.suite;

import static dev.heapbound.benchmarks.JvmFlags.ALLOW_ATTACH_SELF;
import static dev.heapbound.benchmarks.JvmFlags.JOL_MAGIC_FIELD_OFFSET;
import static dev.heapbound.benchmarks.JvmFlags.OPENED_JAVA_BASE;

import dev.heapbound.benchmarks.size.SizeTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of JVM flags that size estimators run under, and the estimators that the size harness
 * measures in it. The deep-size benchmarks fork their JVMs with the same flags.
 */
public enum JvmSetup {
  /** A JVM started without flags for any estimator. */
  NO_FLAGS(
      "no flags",
      List.of(),
      List.of(
          SizeTool.HEAPBOUND,
          SizeTool.HEAPBOUND_DEFAULTS,
          SizeTool.JOL,
          SizeTool.JAMM,
          SizeTool.EHCACHE_SIZEOF)),

  /** The one flag that JOL needs to measure records at all, without opening any module. */
  JOL_MAGIC("-Djol.magicFieldOffset=true", List.of(JOL_MAGIC_FIELD_OFFSET), List.of(SizeTool.JOL)),

  /** JOL's flag and {@code --add-opens} for every {@code java.base} package the graphs reach. */
  OPENED(
      "-Djol.magicFieldOffset=true and --add-opens java.base/...",
      concat(List.of(JOL_MAGIC_FIELD_OFFSET), OPENED_JAVA_BASE),
      List.of(SizeTool.JOL)),

  /** {@code --add-opens} as in {@link #OPENED} plus self-attach, for Ehcache's agent engine. */
  OPENED_ATTACH(
      "--add-opens java.base/... and -Djdk.attach.allowAttachSelf=true",
      concat(List.of(ALLOW_ATTACH_SELF), OPENED_JAVA_BASE),
      List.of(SizeTool.EHCACHE_SIZEOF)),

  /** jamm loaded as an agent from the benchmarks jar, whose manifest names jamm's premain. */
  JAMM_AGENT("-javaagent:benchmarks.jar", null, List.of(SizeTool.JAMM_AGENT));

  private final String description;
  private final List<String> flags;
  private final List<SizeTool> tools;

  JvmSetup(String description, List<String> flags, List<SizeTool> tools) {
    this.description = description;
    this.flags = flags;
    this.tools = tools;
  }

  /** Returns the flags as the results page shows them. */
  public String description() {
    return description;
  }

  /**
   * Returns the JVM flags of this setup.
   *
   * @param benchmarksJar the shaded benchmarks jar, which {@link #JAMM_AGENT} loads as its agent
   */
  public List<String> flags(Path benchmarksJar) {
    if (flags == null) {
      return List.of("-javaagent:" + benchmarksJar);
    }
    return flags;
  }

  /** Returns the estimators that the size harness measures under this setup. */
  public List<SizeTool> tools() {
    return tools;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
