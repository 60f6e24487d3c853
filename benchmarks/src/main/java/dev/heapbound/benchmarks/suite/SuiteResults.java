package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.cache.EntryFootprint;
import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything one run of the suite measured, and the machine it ran on.
 *
 * @param started when the run started
 * @param elapsed how long the whole run took
 * @param jvm the JVM's name and version
 * @param machine the operating system, architecture and processor count
 * @param loadBefore the system load average when the run started, or a negative value if unknown
 * @param loadAfter the system load average when the run ended, or a negative value if unknown
 * @param settings JMH's forks, iterations and heap flags, as the page shows them
 * @param sizes the figures of the size harness
 * @param footprints the entry footprints of the caches
 * @param timings the scores of the JMH benchmarks
 */
public record SuiteResults(
    Instant started,
    Duration elapsed,
    String jvm,
    String machine,
    double loadBefore,
    double loadAfter,
    String settings,
    List<SizeFigure> sizes,
    List<EntryFootprint> footprints,
    List<Timing> timings) {

  /** Returns the size that the tool reported for the graph under the setup, if it measured it. */
  OptionalLong bytes(JvmSetup setup, SizeTool tool, Graph graph) {
    return figure(setup, tool, graph).map(SizeFigure::bytes).orElse(OptionalLong.empty());
  }

  Optional<SizeFigure> figure(JvmSetup setup, SizeTool tool, Graph graph) {
    return sizes.stream()
        .filter(f -> f.setup() == setup && f.tool() == tool && f.graph() == graph)
        .findFirst();
  }

  /** Returns the timing of the benchmark class with the given parameters, if it ran. */
  Optional<Timing> timing(String benchmarkClass, Map<String, String> params) {
    return timings.stream().filter(t -> t.matches(benchmarkClass, params)).findFirst();
  }

  Optional<EntryFootprint> footprint(
      EntryFootprint.Bound bound, dev.heapbound.benchmarks.cache.CacheKind kind) {
    return footprints.stream().filter(f -> f.bound() == bound && f.kind() == kind).findFirst();
  }
}
