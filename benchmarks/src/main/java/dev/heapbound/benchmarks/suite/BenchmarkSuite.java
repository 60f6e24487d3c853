package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.cache.EntryFootprint;
import dev.heapbound.benchmarks.size.JammAgentDeepSizeBenchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite with short, fixed settings and writes the results page: the size harness
 * once per {@link JvmSetup}, the entry footprint harness, then every JMH benchmark, each in a JVM
 * of its own.
 *
 * <p>It must run from the shaded benchmarks jar, which is also the jamm agent jar. With the
 * settings below, the 30 deep-size and 15 cache benchmarks take about 11 minutes on 2 cores.
 *
 * <p>Run: {@code benchmarks/run.sh}, or {@code java -cp benchmarks/target/benchmarks.jar
 * dev.heapbound.benchmarks.suite.BenchmarkSuite docs/benchmarks.md}
 */
public final class BenchmarkSuite {

  /** The heap of every benchmark JVM, fixed so that collections behave alike in every fork. */
  static final String HEAP_FLAGS = "-Xms2g -Xmx2g";

  /** Forks of each deep-size benchmark; their ratios are large, so one fork is enough. */
  static final int DEEP_SIZE_FORKS = 1;

  /** Forks of each cache benchmark, whose ratios are near 1 and so more sensitive to noise. */
  static final int CACHE_FORKS = 2;

  static final int WARMUP_ITERATIONS = 3;
  static final int MEASUREMENT_ITERATIONS = 5;
  static final int ITERATION_SECONDS = 1;

  private static final Duration HARNESS_TIMEOUT = Duration.ofMinutes(3);

  private BenchmarkSuite() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    Path jar = benchmarksJar();
    Instant started = Instant.now();
    double loadBefore = loadAverage();

    List<SizeFigure> sizes = new ArrayList<>();
    for (JvmSetup setup : JvmSetup.values()) {
      sizes.addAll(
          runHarness(
              jar,
              setup.flags(jar),
              SizeHarness.class,
              setup.name(),
              List.of("bytes", "failure"),
              SizeFigure::parse));
    }
    List<EntryFootprint> footprints =
        runHarness(
            jar,
            JvmSetup.OPENED.flags(jar),
            FootprintHarness.class,
            null,
            List.of("footprint"),
            EntryFootprint::parse);
    List<Timing> timings = runBenchmarks(jar);

    SuiteResults results =
        new SuiteResults(
            started,
            Duration.between(started, Instant.now()),
            describeJvm(),
            describeMachine(),
            loadBefore,
            loadAverage(),
            describeSettings(),
            sizes,
            footprints,
            timings);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, new ResultsPage(results).render(), StandardCharsets.UTF_8);
    System.out.println("wrote " + output.toAbsolutePath());
  }

  private static List<Timing> runBenchmarks(Path jar) {
    List<Timing> timings = new ArrayList<>();
    String jammAgent = JammAgentDeepSizeBenchmark.class.getSimpleName();
    timings.addAll(
        run(
            options(DEEP_SIZE_FORKS)
                .include("dev\\.heapbound\\.benchmarks\\.size\\.")
                .exclude(jammAgent)));
    timings.addAll(
        run(
            options(DEEP_SIZE_FORKS)
                .include(jammAgent)
                .jvmArgsAppend("-javaagent:" + jar.toAbsolutePath())));
    timings.addAll(run(options(CACHE_FORKS).include("dev\\.heapbound\\.benchmarks\\.cache\\.")));
    return timings;
  }

  private static ChainedOptionsBuilder options(int forks) {
    return new OptionsBuilder()
        .forks(forks)
        .warmupIterations(WARMUP_ITERATIONS)
        .warmupTime(TimeValue.seconds(ITERATION_SECONDS))
        .measurementIterations(MEASUREMENT_ITERATIONS)
        .measurementTime(TimeValue.seconds(ITERATION_SECONDS))
        .jvmArgs(HEAP_FLAGS.split(" "))
        .shouldFailOnError(false);
  }

  private static List<Timing> run(ChainedOptionsBuilder options) {
    try {
      List<Timing> timings = new ArrayList<>();
      for (RunResult result : new Runner(options.build()).run()) {
        timings.add(Timing.of(result));
      }
      return timings;
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed to run the benchmarks: " + e.getMessage(), e);
    }
  }

  /**
   * Runs a harness main class in a JVM of its own with the given flags and parses the lines of its
   * output whose first tab-separated field is one of {@code kinds}. Other lines, such as JOL's
   * warnings, go to stderr.
   */
  private static <T> List<T> runHarness(
      Path jar,
      List<String> flags,
      Class<?> mainClass,
      String argument,
      List<String> kinds,
      Function<String, T> parser)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-cp");
    command.add(jar.toString());
    command.add(mainClass.getName());
    if (argument != null) {
      command.add(argument);
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<T> parsed = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0 && kinds.contains(line.substring(0, tab))) {
          parsed.add(parser.apply(line));
        } else {
          System.err.println(mainClass.getSimpleName() + ": " + line);
        }
      }
    }
    if (!process.waitFor(HARNESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          mainClass.getSimpleName() + " timed out after " + HARNESS_TIMEOUT.toSeconds() + " s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          mainClass.getSimpleName()
              + " failed with exit code "
              + process.exitValue()
              + " under flags "
              + flags);
    }
    return parsed;
  }

  /** Returns the shaded jar that this class was loaded from. */
  private static Path benchmarksJar() {
    try {
      Path location =
          Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        throw new IllegalStateException(
            "BenchmarkSuite must run from the shaded benchmarks jar, not from "
                + location
                + "; build it with mvn -B -pl benchmarks -am package and run benchmarks/run.sh");
      }
      return location;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("failed to locate the benchmarks jar: " + e.getMessage(), e);
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String describeJvm() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.vendor")
        + ")";
  }

  private static String describeMachine() {
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return String.format(
        Locale.ROOT,
        "%s %s on %s, %d cores, %.0f GiB of memory",
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        memory / (double) (1L << 30));
  }

  private static String describeSettings() {
    return String.format(
        Locale.ROOT,
        "average time; %d fork per deep-size benchmark and %d per cache benchmark, each with %d"
            + " warmup and %d measurement iterations of %d s",
        DEEP_SIZE_FORKS,
        CACHE_FORKS,
        WARMUP_ITERATIONS,
        MEASUREMENT_ITERATIONS,
        ITERATION_SECONDS);
  }
}
