package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.Measurement;
import dev.heapbound.core.SizeEstimator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the code of the README's examples, so that the README cannot drift from the API. */
class ReadmeExamplesTest {

  record Report(String id, byte[] body) {}

  record Study(String id, String title) {}

  record Trial(String id) {}

  record TemplatedReport(String id, byte[] template, byte[] body) {}

  @Test
  void builderExample() {
    Cache<String, Report> reports =
        BoundedCacheBuilder.newBuilder("readme-reports")
            .maximumBytes(DataSize.ofMegabytes(64))
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    LoadingCache<String, Study> studies =
        BoundedCacheBuilder.newBuilder("readme-studies")
            .maximumSize(10_000)
            .build(id -> new Study(id, "loaded"));

    reports.put("r-1", new Report("r-1", new byte[1 << 20]));
    assertThat(reports.getIfPresent("r-1")).isNotNull();
    assertThat(studies.get("s-1").title()).isEqualTo("loaded");
    assertThatThrownBy(() -> BoundedCacheBuilder.newBuilder("readme-unbounded").build())
        .hasMessage(
            "cache 'readme-unbounded' has no eviction bound; set maximumSize, maximumBytes,"
                + " expireAfterWrite, expireAfterAccess or weakValues");
  }

  @Test
  void presetExample() {
    Cache<String, Trial> trials = CachePresets.trials("readme-trials").build();
    Cache<String, Report> reports =
        CachePresets.reports("readme-preset-reports")
            .maximumBytes(DataSize.ofMegabytes(256))
            .build();

    Trial trial = new Trial("TRIAL-0042");
    trials.put("TRIAL-0042", trial);
    assertThat(trials.getIfPresent(new String("TRIAL-0042"))).isSameAs(trial);
    assertThat(reports.policy().eviction().orElseThrow().getMaximum()).isEqualTo(256L << 20);
  }

  @Test
  void estimatorExample() {
    SizeEstimator estimator = SizeEstimator.defaults();
    long bytes = estimator.deepSize(new Report("r-1", new byte[1 << 20]));
    Measurement measurement = estimator.measure(new Report("r-1", new byte[1 << 20]));

    byte[] template = new byte[10 << 20];
    SizeEstimator perEntry =
        SizeEstimator.builder().excludeField(TemplatedReport.class, "template").build();
    Cache<String, TemplatedReport> templated =
        BoundedCacheBuilder.newBuilder("readme-templated")
            .maximumBytes(DataSize.ofMegabytes(20))
            .sizeEstimator(perEntry)
            .build();

    assertThat(bytes).isGreaterThan(1 << 20);
    assertThat(measurement.estimate()).isFalse();
    assertThat(perEntry.deepSize(new TemplatedReport("a", template, new byte[1024])))
        .isLessThan(2048);
    assertThat(templated).isNotNull();
  }

  @Test
  void heapReportExample() {
    java.util.Map<String, byte[]> pendingUploads = new java.util.HashMap<>();
    pendingUploads.put("upload-1", new byte[4096]);
    HeapReporter reporter = HeapReporter.builder().build().watch("pendingUploads", pendingUploads);

    String text = reporter.reportText();
    String json = reporter.reportJson();

    assertThat(text).contains("pendingUploads").contains("UNBOUNDED");
    assertThat(json).contains("\"pendingUploads\"");
    assertThat(text + json).doesNotContain("upload-1");
  }

  @Test
  void scopeExample() {
    Cache<String, Report> reports =
        BoundedCacheBuilder.newBuilder("readme-scoped")
            .maximumSize(100)
            .registry(new CacheRegistry())
            .build();
    java.util.List<String> closed = new java.util.ArrayList<>();

    try (dev.heapbound.core.Scope scope = dev.heapbound.core.Scope.open("request")) {
      scope.register(() -> closed.add("upload"));
      reports.put("r-1", new Report("r-1", new byte[16]));
      BoundedCaches.invalidateOnClose(scope, reports, "r-1");
      scope.track(new Report("r-2", new byte[16]));
    }

    assertThat(closed).containsExactly("upload");
    assertThat(reports.getIfPresent("r-1")).isNull();
  }

  @Test
  void registryExample() {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder("readme-registry").maximumSize(100).build();
    cache.put("k", "v");

    for (CacheSummary summary : CacheRegistry.global().caches()) {
      System.out.printf("%s %d entries, %s%n", summary.name(), summary.entries(), summary.bounds());
    }

    assertThat(CacheRegistry.global().cache("readme-registry").orElseThrow().entries())
        .isEqualTo(1);
  }
}
