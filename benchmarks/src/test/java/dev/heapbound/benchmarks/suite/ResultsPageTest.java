package dev.heapbound.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.benchmarks.cache.CacheKind;
import dev.heapbound.benchmarks.cache.EntryFootprint;
import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders the page from made-up results whose ratios are known. */
class ResultsPageTest {

  private final List<Timing> timings = new ArrayList<>();
  private final List<SizeFigure> sizes = new ArrayList<>();
  private double relativeError = 0.001;

  @Test
  void render_marksTargetsMetAndMissed() {
    String page = render();

    assertThat(page)
        .contains(
            "| deep size: identical bytes to JOL on every graph | equal on 5 of 5 graphs | yes |")
        .contains(
            "| deep size: at least 100 times faster than JOL without opened modules | RECORD_REPORT"
                + " 200×, CLASS_REPORT 200×, HASH_MAP 200×, ARRAY_LIST 200×, FLYWEIGHTS 200× | yes |")
        .contains(
            "| cache: get on a size bound within 3.0 % of raw Caffeine | heapbound / Caffeine ="
                + " 1.000 | yes |")
        .contains(
            "| cache: put of a 1 MB byte[] on a byte bound within 1.2 times of raw Caffeine |"
                + " heapbound / Caffeine = 1.100 | yes |");
  }

  @Test
  void render_statesShortfall() {
    String page = render();

    assertThat(page)
        .contains(
            "| deep size: at least 3 times faster than JOL with java.base opened | RECORD_REPORT"
                + " 2.00×, CLASS_REPORT 2.00×, HASH_MAP 2.00×, ARRAY_LIST 2.00×, FLYWEIGHTS 2.00× |"
                + " **no**: missed on RECORD_REPORT 2.00×, short by a factor of 1.50; CLASS_REPORT"
                + " 2.00×, short by a factor of 1.50; HASH_MAP 2.00×, short by a factor of 1.50;"
                + " ARRAY_LIST 2.00×, short by a factor of 1.50; FLYWEIGHTS 2.00×, short by a"
                + " factor of 1.50 |")
        .contains(
            "| cache: put on a size bound within 5.0 % of raw Caffeine | heapbound / Caffeine ="
                + " 1.100 | **no**: 1.100 against at most 1.05, over by 4.8 % |");
  }

  @Test
  void render_marksRatiosWithinNoise() {
    relativeError = 0.1;

    String page = render();

    assertThat(page)
        .contains(
            "| cache: put on a size bound within 5.0 % of raw Caffeine | heapbound / Caffeine ="
                + " 1.100 | **no**, within noise: 1.100 against at most 1.05, over by 4.8 % |")
        .contains(
            "| cache: get on a size bound within 3.0 % of raw Caffeine | heapbound / Caffeine ="
                + " 1.000 | yes, within noise |");
  }

  @Test
  void render_explainsOnlyMissedTargets() {
    String page = render();

    assertThat(page).contains(Explanations.JOL_OPENED.text()).contains(Explanations.PUT.text());
    assertThat(page).doesNotContain(Explanations.GET.text());
    assertThat(page).doesNotContain(Explanations.MEMORY.text());
  }

  @Test
  void render_describesEachCauseOnce() {
    String page = render();

    assertThat(page).containsOnlyOnce("### " + Explanations.Cause.FIXED_COST_PER_WALK.title);
    assertThat(page).containsOnlyOnce(Explanations.Cause.STATISTICS.mechanism);
    assertThat(page).contains("What would close it: " + Explanations.Cause.SHARED_REFERENCES.fix);
  }

  @Test
  void render_marksBytesEqualToJol() {
    sizes.add(SizeFigure.measured(JvmSetup.NO_FLAGS, SizeTool.EHCACHE_SIZEOF, Graph.HASH_MAP, 48));

    String page = render();

    assertThat(page).contains("| HashMap of 1,000 String keys to 100-byte arrays | 216,256 ✓ |");
    assertThat(page).contains("| 48 ✗ |");
  }

  @Test
  void render_marksMissingBenchmarks() {
    timings.add(deepSize(Anchor.HEAPBOUND, Graph.HASH_MAP, 1));

    String page = render(false);

    assertThat(page).contains("did not run");
    assertThat(page).contains("missed on RECORD_REPORT did not run");
  }

  @Test
  void number_keepsThreeSignificantDigits() {
    assertThat(ResultsPage.number(1.2345)).isEqualTo("1.23");
    assertThat(ResultsPage.number(12.345)).isEqualTo("12.3");
    assertThat(ResultsPage.number(12_345.6)).isEqualTo("12,346");
  }

  @Test
  void ratio_dropsDecimalsFromTen() {
    assertThat(ResultsPage.ratio(2.5)).isEqualTo("2.50×");
    assertThat(ResultsPage.ratio(123.4)).isEqualTo("123×");
  }

  private String render() {
    return render(true);
  }

  private String render(boolean allTimings) {
    if (allTimings) {
      for (Graph graph : Graph.values()) {
        timings.add(deepSize(Anchor.HEAPBOUND, graph, 1));
        timings.add(deepSize(Anchor.JOL_MAGIC, graph, 200));
        timings.add(deepSize(Anchor.JOL_OPENED, graph, 2));
        timings.add(deepSize(Anchor.JAMM, graph, 5));
        timings.add(deepSize(Anchor.JAMM_AGENT, graph, 4));
        timings.add(deepSize(Anchor.EHCACHE, graph, 3));
      }
      cache("SizeBoundGetBenchmark", Map.of(), 10, 10);
      cache("SizeBoundPutBenchmark", Map.of(), 11, 10);
      cache("ByteBoundPutBenchmark", Map.of("valueBytes", "1024"), 110, 100);
      cache("ByteBoundPutBenchmark", Map.of("valueBytes", "1048576"), 110, 100);
      cache("MixedWorkloadBenchmark", Map.of(), 20, 20);
    }
    for (Graph graph : Graph.values()) {
      long bytes = graph == Graph.HASH_MAP ? 216_256 : 1_000;
      sizes.add(SizeFigure.measured(JvmSetup.OPENED, SizeTool.JOL, graph, bytes));
      sizes.add(SizeFigure.measured(JvmSetup.NO_FLAGS, SizeTool.HEAPBOUND, graph, bytes));
    }
    List<EntryFootprint> footprints = new ArrayList<>();
    for (EntryFootprint.Bound bound : EntryFootprint.Bound.values()) {
      footprints.add(new EntryFootprint(bound, CacheKind.HEAPBOUND, 2_000, 102_000));
      footprints.add(new EntryFootprint(bound, CacheKind.CAFFEINE, 1_000, 101_000));
    }
    SuiteResults results =
        new SuiteResults(
            Instant.parse("2026-12-04T01:00:00Z"),
            Duration.ofMinutes(9),
            "OpenJDK 64-Bit Server VM 17",
            "Linux on amd64, 2 cores",
            1.5,
            2.5,
            "average time",
            sizes,
            footprints,
            timings);
    return new ResultsPage(results).render();
  }

  private static Timing deepSize(Anchor anchor, Graph graph, double micros) {
    return new Timing(
        anchor.benchmarkClass, "deepSize", Map.of("graph", graph.name()), micros, 0.1, "us/op");
  }

  private void cache(String benchmark, Map<String, String> params, double heapbound, double raw) {
    timings.add(timing(benchmark, params, CacheKind.HEAPBOUND, heapbound));
    timings.add(timing(benchmark, params, CacheKind.CAFFEINE, raw));
    timings.add(timing(benchmark, params, CacheKind.CAFFEINE_WITH_STATS, raw));
  }

  private Timing timing(
      String benchmark, Map<String, String> params, CacheKind kind, double nanos) {
    Map<String, String> all = new java.util.HashMap<>(params);
    all.put("cache", kind.name());
    return new Timing(benchmark, "run", Map.copyOf(all), nanos, nanos * relativeError, "ns/op");
  }
}
