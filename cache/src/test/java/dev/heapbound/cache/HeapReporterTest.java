package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.Scope;
import dev.heapbound.core.SizeEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HeapReporterTest {

  private static final String KEY_MARKER = "MARKER-KEY-4b1d";
  private static final String VALUE_MARKER = "MARKER-VALUE-9c2e";
  private static final Map<String, Record> RECORDS = new HashMap<>();

  private final CacheRegistry registry = new CacheRegistry();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    RECORDS.clear();
  }

  @Test
  void report_sortsByRetainedBytes() {
    Cache<String, byte[]> small = newCache("small", 1 << 20);
    small.put("a", new byte[1000]);
    Cache<String, byte[]> large = newCache("large", 1 << 20);
    large.put("a", new byte[100_000]);
    List<byte[]> medium = new ArrayList<>(List.of(new byte[10_000]));

    HeapReport report = reporter().watch("medium", medium).report();

    assertThat(report.entries())
        .extracting(HeapReportEntry::name)
        .containsExactly("large", "medium", "small");
  }

  @Test
  void report_describesStaticMap() {
    RECORDS.put("patient-1", new Record("aspirin", new byte[4096]));

    HeapReporter reporter = reporter().watchStaticFields(HeapReporterTest.class);
    HeapReportEntry entry = reporter.report().top().orElseThrow();

    assertThat(entry.kind()).isEqualTo(HeapReportEntry.Kind.MAP);
    assertThat(entry.name()).isEqualTo("HeapReporterTest.RECORDS");
    assertThat(entry.owner()).isEqualTo("HeapReporterTest.RECORDS");
    assertThat(entry.type()).isEqualTo("java.util.HashMap");
    assertThat(entry.bound()).isEqualTo("UNBOUNDED");
    assertThat(entry.entries()).isEqualTo(1);
    assertThat(entry.retainedBytes()).isEqualTo(SizeEstimator.defaults().deepSize(RECORDS));
    assertThat(entry.estimate()).isFalse();
    assertThat(entry.growthBytes()).isEmpty();
    assertThat(entry.hitRate()).isEmpty();
  }

  @Test
  void report_describesCache() {
    Cache<String, byte[]> cache = newCache("reports", 10_000);
    for (int i = 0; i < 5; i++) {
      cache.put("report-" + i, new byte[4000]);
    }
    for (int i = 0; i < 5; i++) {
      cache.getIfPresent("report-" + i);
    }

    HeapReportEntry entry = reporter().report().top().orElseThrow();

    assertThat(entry.kind()).isEqualTo(HeapReportEntry.Kind.CACHE);
    assertThat(entry.name()).isEqualTo("reports");
    assertThat(entry.bound()).isEqualTo("maximumBytes=10,000 bytes");
    assertThat(entry.capacityBound()).isTrue();
    assertThat(entry.entries()).isEqualTo(2);
    assertThat(entry.retainedBytes())
        .isEqualTo(cache.policy().eviction().orElseThrow().weightedSize().getAsLong());
    assertThat(entry.hitRate()).hasValue(0.4);
    assertThat(entry.evictionsByCause()).containsExactly(Map.entry("SIZE", 3L));
    assertThat(entry.site().className()).isEqualTo(HeapReporterTest.class.getName());
    assertThat(entry.site().methodName()).isEqualTo("newCache");
    assertThat(entry.site().lineNumber()).isPositive();
  }

  @Test
  void report_measuresLargeMapFromSample() {
    Map<Integer, String> large = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      large.put(i, "dose " + i);
    }
    long exact = SizeEstimator.defaults().deepSize(large);

    HeapReportEntry entry =
        HeapReporter.builder()
            .registry(registry)
            .sampling(10_000, 500)
            .build()
            .watch("doses", large)
            .report()
            .top()
            .orElseThrow();

    assertThat(entry.estimate()).isTrue();
    assertThat((double) entry.retainedBytes()).isBetween(exact * 0.9, exact * 1.1);
  }

  @Test
  void report_tracksGrowth() {
    List<byte[]> growing = new ArrayList<>();
    HeapReporter reporter = reporter().watch("growing", growing);
    reporter.report();
    long before = SizeEstimator.defaults().deepSize(growing);
    growing.add(new byte[1000]);
    long after = SizeEstimator.defaults().deepSize(growing);

    HeapReportEntry entry = reporter.report().top().orElseThrow();

    assertThat(entry.growthBytes()).hasValue(after - before);
    assertThat(entry.growthEntries()).hasValue(1);
  }

  @Test
  void suspicion_flagsGrowingMapAndWarns() {
    List<byte[]> growing = new ArrayList<>();
    HeapReporter reporter =
        HeapReporter.builder()
            .registry(registry)
            .collectGarbageBeforeReport()
            .build()
            .watch("growing", growing);

    HeapReport report = null;
    for (int sample = 0; sample < 4; sample++) {
      growing.add(new byte[4 << 20]);
      report = reporter.report();
    }

    assertThat(report.suspected()).extracting(HeapReportEntry::name).containsExactly("growing");
    assertThat(report.toText())
        .contains(
            "SUSPECTED LEAK: growing (UNBOUNDED) keeps growing while heap used after GC grows");
    assertThat(warnings())
        .singleElement()
        .asString()
        .startsWith(
            "heap report: growing (java.util.ArrayList, UNBOUNDED) grew in 3 consecutive samples"
                + " to 4 entries and 16.0 MB, while heap used after GC grew from ")
        .endsWith(
            "; it may be leaking, so bound it (a cache with maximumBytes or maximumSize) or"
                + " remove entries once they are no longer needed");
  }

  @Test
  void suspicion_neverFlagsBoundedCache() {
    Cache<String, byte[]> cache = newCache("reports", 64 << 20);
    List<byte[]> growing = new ArrayList<>();
    HeapReporter reporter =
        HeapReporter.builder()
            .registry(registry)
            .collectGarbageBeforeReport()
            .build()
            .watch("growing", growing);

    HeapReport report = null;
    for (int sample = 0; sample < 5; sample++) {
      cache.put("report-" + sample, new byte[2 << 20]);
      growing.add(new byte[2 << 20]);
      report = reporter.report();
    }

    assertThat(report.suspected()).extracting(HeapReportEntry::name).containsExactly("growing");
  }

  @Test
  void outputs_containNoKeyOrValue() {
    Cache<String, Record> cache = newCache("records", 1 << 20);
    List<Record> watched = new ArrayList<>();
    HeapReporter reporter =
        HeapReporter.builder()
            .registry(registry)
            .collectGarbageBeforeReport()
            .build()
            .watch("watched", watched)
            .watchStaticFields(HeapReporterTest.class);

    List<String> outputs = new ArrayList<>();
    for (int sample = 0; sample < 5; sample++) {
      for (int i = 0; i < 40; i++) {
        String key = KEY_MARKER + "-" + sample + "-" + i;
        Record value = new Record(VALUE_MARKER + "-" + i, new byte[32 << 10]);
        cache.put(key, value);
        RECORDS.put(key, value);
        watched.add(value);
      }
      HeapReport report = reporter.report();
      outputs.add(report.toText());
      outputs.add(report.toJson());
      outputs.add(report.toString());
    }
    try (Scope scope = Scope.open("request")) {
      BoundedCaches.invalidateOnClose(scope, cache, KEY_MARKER + "-0-0");
    }

    assertThat(warnings()).isNotEmpty();
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      outputs.add(event.getFormattedMessage());
      for (IThrowableProxy thrown = event.getThrowableProxy();
          thrown != null;
          thrown = thrown.getCause()) {
        outputs.add(thrown.getMessage());
      }
    }
    for (String output : outputs) {
      assertThat(output).doesNotContain(KEY_MARKER).doesNotContain(VALUE_MARKER);
    }
  }

  @Test
  void invalidateOnClose_removesEntry() {
    Cache<String, byte[]> cache = newCache("reports", 1 << 20);
    cache.put("report-1", new byte[10]);

    try (Scope scope = Scope.open("request")) {
      BoundedCaches.invalidateOnClose(scope, cache, "report-1");
      assertThat(cache.getIfPresent("report-1")).isNotNull();
    }

    assertThat(cache.getIfPresent("report-1")).isNull();
  }

  @Test
  void json_escapesStrings() {
    String escaped = HeapReportJson.string(new StringBuilder(), "a\"b\\c\nd\u0001").toString();

    assertThat(escaped).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void json_rendersEntry() {
    newCache("quoted \"name\"", 1000).put("k", new byte[1]);

    String json = reporter().reportJson();

    assertThat(json)
        .contains(
            "\"entries\":[{\"kind\":\"CACHE\",\"name\":\"quoted \\\"name\\\"\",\"owner\":null")
        .contains("\"bound\":\"maximumBytes=1,000 bytes\",\"capacityBound\":true,\"entries\":1")
        .endsWith("]}");
  }

  @Test
  void text_alignsColumns() {
    newCache("reports", 1 << 20).put("k", new byte[1]);
    RECORDS.put("patient-1", new Record("aspirin", new byte[4096]));

    String[] lines = reporter().watchStaticFields(HeapReporterTest.class).reportText().split("\n");

    assertThat(lines[0]).startsWith("heap report ").contains(": heap used after GC ");
    assertThat(lines[1]).startsWith("  RETAINED  HEAP%  ENTRIES  GROWTH  HIT%  EVICTIONS  BOUND");
    assertThat(lines[2].indexOf("UNBOUNDED")).isEqualTo(lines[1].indexOf("BOUND"));
    assertThat(lines[3].indexOf("maximumBytes")).isEqualTo(lines[1].indexOf("BOUND"));
  }

  @Test
  void liveObjects_unavailableInOneLine() {
    LiveObjectRecorder recorder = LiveObjectRecorder.start();
    recorder.close();
    newCache("reports", 1 << 20).put("k", new byte[1]);

    HeapReport report =
        HeapReporter.builder().registry(registry).liveObjects(recorder).build().report();

    assertThat(report.liveObjects())
        .hasValueSatisfying(live -> assertThat(live.available()).isFalse());
    assertThat(report.toText())
        .endsWith("live objects: not available, the live-object recorder was closed\n");
    assertThat(report.toJson())
        .endsWith(
            "\"liveObjects\":{\"available\":false,"
                + "\"unavailableReason\":\"the live-object recorder was closed\",\"samples\":0,"
                + "\"sites\":[]}}");
    assertThat(report.entries()).extracting(HeapReportEntry::name).containsExactly("reports");
  }

  @Test
  void sample_omitsLiveObjects() {
    LiveObjectRecorder recorder = LiveObjectRecorder.start();
    recorder.close();
    HeapReporter reporter = HeapReporter.builder().registry(registry).liveObjects(recorder).build();

    assertThat(reporter.sample().liveObjects()).isEmpty();
    assertThat(reporter.report().liveObjects()).isPresent();
    assertThat(reporter.sample().toText()).doesNotContain("live objects");
  }

  @Test
  void sample_countsTowardSuspicion() {
    List<byte[]> growing = new ArrayList<>();
    HeapReporter reporter =
        HeapReporter.builder()
            .registry(registry)
            .collectGarbageBeforeReport()
            .build()
            .watch("growing", growing);

    for (int sample = 0; sample < 3; sample++) {
      growing.add(new byte[4 << 20]);
      reporter.sample();
    }
    growing.add(new byte[4 << 20]);
    HeapReport report = reporter.report();

    assertThat(report.suspected()).extracting(HeapReportEntry::name).containsExactly("growing");
    assertThat(report.top().orElseThrow().growthEntries()).hasValue(1);
  }

  @Test
  void periodicReports_logUntilClosed() {
    newCache("reports", 1 << 20).put("k", new byte[1]);
    HeapReporter reporter = reporter();

    try (PeriodicHeapReport periodic = reporter.startPeriodicReports(Duration.ofMillis(20))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> infos().stream().anyMatch(message -> message.startsWith("heap report ")));
      assertThat(periodic.isRunning()).isTrue();
      periodic.close();
      assertThat(periodic.isRunning()).isFalse();
    }
  }

  @Test
  void periodicReports_zeroIntervalRejected() {
    assertThatThrownBy(() -> reporter().startPeriodicReports(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heap report interval must be positive: PT0S; use, for example, PT1M");
  }

  @Test
  void watch_nonStructureRejected() {
    assertThatThrownBy(() -> reporter().watch("text", "not a map"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "watch takes a Map or a Collection, not a java.lang.String (name 'text'); register"
                + " caches through BoundedCacheBuilder instead");
  }

  private HeapReporter reporter() {
    return HeapReporter.builder().registry(registry).build();
  }

  private <V> Cache<String, V> newCache(String name, long maximumBytes) {
    return BoundedCacheBuilder.newBuilder(name)
        .maximumBytes(maximumBytes)
        .executor(Runnable::run)
        .registry(registry)
        .build();
  }

  private List<String> warnings() {
    return messages(Level.WARN, HeapReporter.LOGGER_NAME);
  }

  private List<String> infos() {
    return messages(Level.INFO, HeapReporter.LOGGER_NAME);
  }

  private List<String> messages(Level level, String logger) {
    List<String> messages = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(logs.list)) {
      if (event.getLevel() == level && event.getLoggerName().equals(logger)) {
        messages.add(event.getFormattedMessage());
      }
    }
    return messages;
  }

  private record Record(String medication, byte[] data) {}
}
