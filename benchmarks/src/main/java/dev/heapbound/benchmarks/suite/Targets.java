package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.cache.CacheKind;
import dev.heapbound.benchmarks.cache.EntryFootprint;
import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import dev.heapbound.benchmarks.suite.Explanations.Explanation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The performance targets of heapbound, checked against one run's results. Each check states what
 * was measured, whether the target was met, by how much it was missed, and why it is missed when it
 * is.
 */
final class Targets {

  /** The cache benchmarks, each a row of the results page, with the ratio each must stay under. */
  static final List<CacheRow> CACHE_ROWS =
      List.of(
          new CacheRow(
              "get on a size bound", "SizeBoundGetBenchmark", Map.of(), 1.03, Explanations.GET),
          new CacheRow(
              "put on a size bound", "SizeBoundPutBenchmark", Map.of(), 1.05, Explanations.PUT),
          new CacheRow(
              "put of a 1 KB byte[] on a byte bound",
              "ByteBoundPutBenchmark",
              Map.of("valueBytes", "1024"),
              1.2,
              Explanations.BYTE_PUT),
          new CacheRow(
              "put of a 1 MB byte[] on a byte bound",
              "ByteBoundPutBenchmark",
              Map.of("valueBytes", "1048576"),
              1.2,
              Explanations.BYTE_PUT),
          new CacheRow(
              "read-heavy mix, 4 threads, 1 put in 8 operations",
              "MixedWorkloadBenchmark",
              Map.of(),
              0,
              null));

  private final SuiteResults results;

  Targets(SuiteResults results) {
    this.results = results;
  }

  /** Returns the average time in microseconds of the anchor on the graph, if it ran. */
  OptionalDouble micros(Anchor anchor, Graph graph) {
    return deepSizeTiming(anchor, graph)
        .map(t -> OptionalDouble.of(t.score()))
        .orElse(OptionalDouble.empty());
  }

  /** Returns the timing of the anchor on the graph, if it ran. */
  Optional<Timing> deepSizeTiming(Anchor anchor, Graph graph) {
    return results.timing(anchor.benchmarkClass, Map.of("graph", graph.name()));
  }

  /** Returns the timing of one cache row for one kind of cache, if it ran. */
  Optional<Timing> cacheTiming(CacheRow row, CacheKind kind) {
    Map<String, String> params = new LinkedHashMap<>(row.params());
    params.put("cache", kind.name());
    return results.timing(row.benchmarkClass(), params);
  }

  /** Checks every target, in the order of the results page. */
  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    checks.add(identicalBytes());
    checks.add(fasterThan(Anchor.JOL_MAGIC, 100, "JOL without opened modules"));
    checks.add(fasterThan(Anchor.JOL_OPENED, 3, "JOL with java.base opened"));
    checks.add(fasterThanBest(List.of(Anchor.JAMM, Anchor.JAMM_AGENT), "jamm"));
    checks.add(fasterThanBest(List.of(Anchor.EHCACHE), "Ehcache's sizeof"));
    for (CacheRow row : CACHE_ROWS) {
      if (row.maximumRatio() > 0) {
        checks.add(cacheCheck(row));
      }
    }
    for (EntryFootprint.Bound bound : EntryFootprint.Bound.values()) {
      checks.add(footprintCheck(bound));
    }
    return checks;
  }

  private Check identicalBytes() {
    List<String> differences = new ArrayList<>();
    int equal = 0;
    for (Graph graph : Graph.values()) {
      OptionalLong heapbound = results.bytes(JvmSetup.NO_FLAGS, SizeTool.HEAPBOUND, graph);
      OptionalLong jol = results.bytes(JvmSetup.OPENED, SizeTool.JOL, graph);
      if (heapbound.isPresent() && jol.isPresent() && heapbound.getAsLong() == jol.getAsLong()) {
        equal++;
      } else {
        differences.add(
            graph.name() + " (heapbound " + text(heapbound) + ", JOL " + text(jol) + ")");
      }
    }
    return new Check(
        "deep size: identical bytes to JOL on every graph",
        "equal on " + equal + " of " + Graph.values().length + " graphs",
        differences.isEmpty(),
        true,
        "differs on " + String.join(", ", differences),
        Explanations.BYTES);
  }

  private Check fasterThan(Anchor anchor, double factor, String name) {
    return speedCheck(
        List.of(anchor),
        factor,
        String.format(Locale.ROOT, "deep size: at least %.0f times faster than %s", factor, name),
        anchor == Anchor.JOL_MAGIC ? Explanations.JOL_MAGIC : Explanations.JOL_OPENED);
  }

  private Check fasterThanBest(List<Anchor> anchors, String name) {
    Explanation explanation =
        anchors.contains(Anchor.JAMM) ? Explanations.JAMM : Explanations.EHCACHE;
    return speedCheck(
        anchors, 1, "deep size: faster than " + name + " in its best configuration", explanation);
  }

  /** Compares heapbound with the fastest of the anchors on each graph. */
  private Check speedCheck(
      List<Anchor> anchors, double factor, String target, Explanation explanation) {
    List<String> measured = new ArrayList<>();
    List<String> shortfalls = new ArrayList<>();
    boolean decided = true;
    for (Graph graph : Graph.values()) {
      Optional<Timing> heapbound = deepSizeTiming(Anchor.HEAPBOUND, graph);
      Optional<Timing> best = Optional.empty();
      for (Anchor anchor : anchors) {
        Optional<Timing> timing = deepSizeTiming(anchor, graph);
        if (timing.isPresent() && (best.isEmpty() || timing.get().score() < best.get().score())) {
          best = timing;
        }
      }
      if (heapbound.isEmpty() || best.isEmpty()) {
        measured.add(graph.name() + " did not run");
        shortfalls.add(graph.name() + " did not run");
        continue;
      }
      double ratio = best.get().score() / heapbound.get().score();
      boolean graphDecided = !withinNoise(best.get(), heapbound.get(), factor);
      decided &= graphDecided;
      measured.add(graph.name() + " " + ResultsPage.ratio(ratio));
      if (ratio < factor) {
        shortfalls.add(
            graph.name()
                + " "
                + ResultsPage.ratio(ratio)
                + (factor > 1
                    ? ", short by a factor of " + ResultsPage.number(factor / ratio)
                    : ", heapbound slower by " + percent(1 / ratio - 1))
                + (graphDecided ? "" : " (within noise)"));
      }
    }
    return new Check(
        target,
        String.join(", ", measured),
        shortfalls.isEmpty(),
        decided,
        "missed on " + String.join("; ", shortfalls),
        explanation);
  }

  private Check cacheCheck(CacheRow row) {
    Optional<Timing> heapbound = cacheTiming(row, CacheKind.HEAPBOUND);
    Optional<Timing> caffeine = cacheTiming(row, CacheKind.CAFFEINE);
    String target =
        "cache: "
            + row.description()
            + " within "
            + (row.maximumRatio() < 1.1
                ? percent(row.maximumRatio() - 1)
                : String.format(Locale.ROOT, "%.1f times", row.maximumRatio()))
            + " of raw Caffeine";
    if (heapbound.isEmpty() || caffeine.isEmpty()) {
      return new Check(target, "did not run", false, true, "did not run", row.explanation());
    }
    double ratio = heapbound.get().score() / caffeine.get().score();
    return new Check(
        target,
        String.format(Locale.ROOT, "heapbound / Caffeine = %.3f", ratio),
        ratio <= row.maximumRatio(),
        !withinNoise(heapbound.get(), caffeine.get(), row.maximumRatio()),
        String.format(
            Locale.ROOT,
            "%.3f against at most %.2f, over by %s",
            ratio,
            row.maximumRatio(),
            percent(ratio / row.maximumRatio() - 1)),
        row.explanation());
  }

  /**
   * Returns whether {@code limit} lies between the lowest and the highest ratio of {@code
   * numerator} to {@code denominator} that their 99.9 % confidence intervals allow, so that this
   * run cannot tell on which side of the limit the true ratio is.
   */
  static boolean withinNoise(Timing numerator, Timing denominator, double limit) {
    double lowest =
        (numerator.score() - numerator.error()) / (denominator.score() + denominator.error());
    double denominatorLow = denominator.score() - denominator.error();
    double highest =
        denominatorLow <= 0
            ? Double.POSITIVE_INFINITY
            : (numerator.score() + numerator.error()) / denominatorLow;
    return lowest <= limit && limit <= highest;
  }

  private Check footprintCheck(EntryFootprint.Bound bound) {
    String target = "memory: no extra bytes per entry over raw Caffeine, " + bound.description();
    Optional<EntryFootprint> heapbound = results.footprint(bound, CacheKind.HEAPBOUND);
    Optional<EntryFootprint> caffeine = results.footprint(bound, CacheKind.CAFFEINE);
    if (heapbound.isEmpty() || caffeine.isEmpty()) {
      return new Check(target, "not measured", false, true, "not measured", Explanations.MEMORY);
    }
    double extra = heapbound.get().bytesPerEntry() - caffeine.get().bytesPerEntry();
    return new Check(
        target,
        String.format(
            Locale.ROOT,
            "%.2f against %.2f bytes per entry",
            heapbound.get().bytesPerEntry(),
            caffeine.get().bytesPerEntry()),
        extra <= 0,
        true,
        String.format(Locale.ROOT, "%.2f bytes per entry more", extra),
        Explanations.MEMORY);
  }

  private static String text(OptionalLong bytes) {
    return bytes.isPresent() ? String.format(Locale.ROOT, "%,d", bytes.getAsLong()) : "failed";
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  /**
   * One checked target.
   *
   * @param target the target, as the results page states it
   * @param measured what this run measured
   * @param met whether the target was met
   * @param decided whether the confidence intervals of the scores keep the ratio on one side of the
   *     target, so that noise cannot have decided it
   * @param shortfall by how much it was missed, when it was
   * @param explanation why such a miss happens and what would close it
   */
  record Check(
      String target,
      String measured,
      boolean met,
      boolean decided,
      String shortfall,
      Explanation explanation) {}

  /**
   * One cache benchmark as a row of the results page.
   *
   * @param description the operation, for the page
   * @param benchmarkClass the simple name of the benchmark class
   * @param params the JMH parameters that select the row, apart from {@code cache}
   * @param maximumRatio the largest heapbound / Caffeine time ratio that meets the target, or 0 for
   *     a row without a target
   * @param explanation why such a miss happens and what would close it
   */
  record CacheRow(
      String description,
      String benchmarkClass,
      Map<String, String> params,
      double maximumRatio,
      Explanation explanation) {}
}
