package dev.heapbound.benchmarks;

import java.util.List;

/**
 * The JVM flags that the anchors of the deep-size benchmarks run with, as constants so that JMH's
 * {@code @Fork} annotations and the size harness use the same ones.
 */
public final class JvmFlags {

  /** Lets JOL 0.17 compute field offsets of records and hidden classes. */
  public static final String JOL_MAGIC_FIELD_OFFSET = "-Djol.magicFieldOffset=true";

  /** Lets a library attach an agent to its own JVM, as JOL and Ehcache's sizeof try to. */
  public static final String ALLOW_ATTACH_SELF = "-Djdk.attach.allowAttachSelf=true";

  public static final String OPEN_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
  public static final String OPEN_LANG_INVOKE =
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED";
  public static final String OPEN_LANG_REF = "--add-opens=java.base/java.lang.ref=ALL-UNNAMED";
  public static final String OPEN_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
  public static final String OPEN_CONCURRENT =
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED";
  public static final String OPEN_ATOMIC =
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED";
  public static final String OPEN_LOCKS =
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";
  public static final String OPEN_TIME = "--add-opens=java.base/java.time=ALL-UNNAMED";
  public static final String OPEN_TEMPORAL = "--add-opens=java.base/java.time.temporal=ALL-UNNAMED";

  /** Every {@code java.base} package that the benchmark graphs and caches reach. */
  public static final List<String> OPENED_JAVA_BASE =
      List.of(
          OPEN_LANG,
          OPEN_LANG_INVOKE,
          OPEN_LANG_REF,
          OPEN_UTIL,
          OPEN_CONCURRENT,
          OPEN_ATOMIC,
          OPEN_LOCKS,
          OPEN_TIME,
          OPEN_TEMPORAL);

  private JvmFlags() {}
}
