package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.SizeEstimator;
import dev.heapbound.testsupport.MarkerAudit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteBoundTest {

  private final CacheRegistry registry = new CacheRegistry();

  record Report(String id, byte[] body) {}

  record TemplatedReport(String id, byte[] template, byte[] own) {}

  private BoundedCacheBuilder<Object, Object> bytes(String name, long maximumBytes) {
    return BoundedCacheBuilder.newBuilder(name)
        .maximumBytes(maximumBytes)
        .registry(registry)
        .executor(Runnable::run);
  }

  private static long weightedSize(Cache<?, ?> cache) {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().getAsLong();
  }

  @Test
  void maximumBytes_weighsKeyAndValueByDeepSize() {
    Cache<String, Report> cache = bytes("reports", 64L << 20).build();
    String key = "report-1";
    Report report = new Report("report-1", new byte[1 << 20]);

    cache.put(key, report);

    long expected = SizeEstimator.defaults().measure(key, report).bytes();
    assertThat(weightedSize(cache)).isEqualTo(expected);
    assertThat(expected).isGreaterThan(1 << 20);
  }

  @Test
  void maximumBytes_holdsAfterCleanUp() {
    Cache<Integer, byte[]> cache = bytes("reports", 8L << 20).build();

    for (int i = 0; i < 40; i++) {
      cache.put(i, new byte[1 << 20]);
    }

    assertThat(weightedSize(cache)).isLessThanOrEqualTo(8L << 20);
    assertThat(cache.estimatedSize()).isBetween(1L, 7L);
  }

  @Test
  void saturatedWeight_clampsToCaffeineRange() {
    assertThat(BoundedCaches.saturatedWeight(0)).isEqualTo(1);
    assertThat(BoundedCaches.saturatedWeight(-7)).isEqualTo(1);
    assertThat(BoundedCaches.saturatedWeight(12)).isEqualTo(12);
    assertThat(BoundedCaches.saturatedWeight(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(BoundedCaches.saturatedWeight(5L << 32)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void zeroWeigher_stillBoundsTheCache() {
    Cache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumWeight(10)
            .registry(registry)
            .executor(Runnable::run)
            .<Integer, String>weigher((key, value) -> 0)
            .build();

    for (int i = 0; i < 10_000; i++) {
      cache.put(i, "study");
    }
    cache.cleanUp();

    assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
  }

  @Test
  void negativeWeigher_failsNamingCacheAndValueType() {
    Cache<String, Report> cache =
        BoundedCacheBuilder.newBuilder("reports")
            .maximumWeight(10)
            .registry(registry)
            .<String, Report>weigher((key, value) -> -1)
            .build();

    assertThatThrownBy(() -> cache.put("PATIENT-SECRET-KEY", new Report("r", new byte[1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "weigher of cache 'reports' returned a negative weight: -1 for a value of type"
                + " dev.heapbound.cache.ByteBoundTest$Report; return 0 or more, and note that"
                + " heapbound raises 0 to 1")
        .message()
        .doesNotContain("PATIENT-SECRET-KEY");
    assertThat(cache.estimatedSize()).isZero();
  }

  @Test
  void failingWeigher_failsWriteAndKeepsExistingEntries() {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumWeight(100)
            .registry(registry)
            .executor(Runnable::run)
            .<String, String>weigher(
                (key, value) -> {
                  if (value.equals("bad")) {
                    throw new IllegalStateException("weigher broke");
                  }
                  return 1;
                })
            .build();
    cache.put("a", "good");

    try (LogCapture logs = LogCapture.heapbound()) {
      assertThatThrownBy(() -> cache.put("a", "bad"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "weigher of cache 'studies' failed for a value of type java.lang.String; the entry"
                  + " was not written")
          .hasCauseInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> cache.put("b", "bad")).isInstanceOf(IllegalArgumentException.class);

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "weigher of cache 'studies' threw; the cache keeps serving, and later failures of"
                  + " its callbacks are logged at debug");
    }
    assertThat(cache.getIfPresent("a")).isEqualTo("good");
  }

  @Test
  void oversizedEntry_isCountedAndWarnedAboutOnce() {
    Cache<String, Report> cache = bytes("reports", 512 * 1024).build();

    try (LogCapture logs = LogCapture.heapbound()) {
      cache.put("PATIENT-SECRET-KEY", new Report("r1", new byte[1 << 20]));
      cache.put("PATIENT-SECRET-KEY-2", new Report("r2", new byte[1 << 20]));
      cache.cleanUp();

      List<String> warnings = logs.messages(Level.WARN);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0))
          .startsWith("cache 'reports' was given an entry of ")
          .contains("bytes, larger than its maximumBytes of 512 KB; Caffeine evicts it at once")
          .doesNotContain("PATIENT-SECRET-KEY");
      assertThat(logs.everything()).doesNotContain("PATIENT-SECRET-KEY");
    }
    CacheSummary summary = registry.cache("reports").orElseThrow();
    assertThat(summary.oversizedEntries()).isEqualTo(2);
    assertThat(summary.entries()).isZero();
  }

  @Test
  void oversizedEntry_inStrictMode_isRejectedAndCacheIntact() {
    Cache<String, Report> cache = bytes("reports", 512 * 1024).rejectOversizedEntries().build();
    Report small = new Report("r0", new byte[1024]);
    cache.put("small", small);

    assertThatThrownBy(() -> cache.put("small", new Report("r1", new byte[1 << 20])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cache 'reports' rejects an entry of ")
        .hasMessageContaining("larger than its maximumBytes of 512 KB")
        .hasMessageEndingWith(
            "(value type dev.heapbound.cache.ByteBoundTest$Report); raise maximumBytes or cache"
                + " smaller values");

    assertThat(cache.getIfPresent("small")).isSameAs(small);
  }

  @Test
  void hugeValueGraph_warnsOnceNamingTypeNotContents() {
    Cache<String, List<String>> cache = bytes("histories", 256L << 20).build();
    List<String> history = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      history.add(MarkerAudit.MARKER + i);
    }

    try (LogCapture logs = LogCapture.heapbound()) {
      cache.put("a", history);
      cache.put("b", new ArrayList<>(history));

      List<String> warnings = logs.messages(Level.WARN);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0))
          .startsWith("cache 'histories' weighed an entry of 12000")
          .contains("(value type java.util.ArrayList)");
    }
  }

  @Test
  void mutableValue_keepsWeightUntilReweighed() {
    Cache<String, List<byte[]>> cache = bytes("histories", 256L << 20).build();
    List<byte[]> history = new ArrayList<>();
    history.add(new byte[1 << 20]);
    cache.put("history", history);
    long before = weightedSize(cache);

    for (int i = 0; i < 4; i++) {
      history.add(new byte[1 << 20]);
    }
    long stale = weightedSize(cache);
    boolean reweighed = BoundedCaches.reweigh(cache, "history");

    assertThat(stale).isEqualTo(before);
    assertThat(reweighed).isTrue();
    assertThat(weightedSize(cache)).isGreaterThan(before + (4L << 20));
  }

  @Test
  void reweigh_absentKey_returnsFalse() {
    Cache<String, String> cache = bytes("histories", 1 << 20).build();

    assertThat(BoundedCaches.reweigh(cache, "missing")).isFalse();
  }

  @Test
  void sharedTemplate_excludedByField_isNotChargedToEachEntry() {
    byte[] template = new byte[10 << 20];
    SizeEstimator estimator =
        SizeEstimator.builder().excludeField(TemplatedReport.class, "template").build();
    Cache<String, TemplatedReport> cache =
        bytes("reports", 20L << 20).sizeEstimator(estimator).build();

    cache.put("a", new TemplatedReport("a", template, new byte[1024]));
    cache.put("b", new TemplatedReport("b", template, new byte[1024]));

    assertThat(weightedSize(cache)).isLessThan(8 * 1024);
    assertThat(cache.estimatedSize()).isEqualTo(2);
  }

  @Test
  void sharedTemplate_excludedByPredicate_isNotChargedToEachEntry() {
    byte[] template = new byte[10 << 20];
    SizeEstimator estimator = SizeEstimator.builder().excludeIf(o -> o == template).build();
    Cache<String, TemplatedReport> cache =
        bytes("reports", 20L << 20).sizeEstimator(estimator).build();

    cache.put("a", new TemplatedReport("a", template, new byte[1024]));
    cache.put("b", new TemplatedReport("b", template, new byte[1024]));

    assertThat(cache.estimatedSize()).isEqualTo(2);
  }

  @Test
  void sharedTemplate_chargedByDefault_evictsOneReport() {
    byte[] template = new byte[10 << 20];
    Cache<String, TemplatedReport> cache = bytes("reports", 20L << 20).build();

    cache.put("a", new TemplatedReport("a", template, new byte[1024]));
    cache.put("b", new TemplatedReport("b", template, new byte[1024]));
    cache.cleanUp();

    assertThat(cache.estimatedSize()).isEqualTo(1);
  }

  @Test
  void maximumSize_withDirectExecutor_isExactAfterEveryWrite() {
    Cache<Integer, Integer> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(3)
            .registry(registry)
            .executor(Runnable::run)
            .build();

    for (int i = 0; i < 50; i++) {
      cache.put(i, i);
      assertThat(cache.estimatedSize()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void registrySummary_isExactWithBackgroundExecutor() {
    Cache<Integer, Integer> cache =
        BoundedCacheBuilder.newBuilder("studies").maximumSize(3).registry(registry).build();

    for (int i = 0; i < 50; i++) {
      cache.put(i, i);
    }

    assertThat(registry.cache("studies").orElseThrow().entries()).isEqualTo(3);
  }

  @Test
  void maximumBytes_acceptsDataSize() {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder("reports")
            .maximumBytes(DataSize.parse("2MB"))
            .registry(registry)
            .build();

    assertThat(registry.cache("reports").orElseThrow().bounds().maximumBytes()).hasValue(2L << 20);
    assertThat(cache.policy().eviction().orElseThrow().getMaximum()).isEqualTo(2L << 20);
  }
}
