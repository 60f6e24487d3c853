package dev.heapbound.testkit;

import static dev.heapbound.testkit.HeapAssertions.assertThatCache;
import static dev.heapbound.testkit.HeapAssertions.assertThatCall;
import static dev.heapbound.testkit.HeapAssertions.assertThatObject;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.core.SizeEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapAssertionsTest {

  private static final Map<String, Report> REPORTS = new HashMap<>();

  private static Object sink;
  private static long total;
  private static int counter;

  @AfterEach
  void clear() {
    REPORTS.clear();
  }

  @Test
  void becomesUnreachable_passesAfterRelease() {
    List<Report> pending = new ArrayList<>();

    assertThatObject(() -> new Report(new byte[1024]))
        .after(report -> pending.add(report))
        .after(report -> pending.clear())
        .becomesUnreachable();
  }

  @Test
  void becomesUnreachable_failureNamesHolder() {
    assertThatThrownBy(
            () ->
                assertThatObject(() -> new Report(new byte[1024]))
                    .after(report -> REPORTS.put("patient-1", report))
                    .searchingStaticFieldsOf(HeapAssertionsTest.class)
                    .within(Duration.ofMillis(300))
                    .becomesUnreachable())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "expected the object (dev.heapbound.testkit.HeapAssertionsTest$Report) to become"
                + " unreachable within PT0.3S, but it is still reachable through"
                + " HeapAssertionsTest.REPORTS (java.util.HashMap) -> .table"
                + " (java.util.HashMap$Node[]) -> [")
        .hasMessageEndingWith(
            "(java.util.HashMap$Node) -> .value (dev.heapbound.testkit.HeapAssertionsTest$Report)")
        .hasMessageNotContaining("patient-1");
  }

  @Test
  void becomesUnreachable_unknownHolderHint() {
    List<Report> holder = new ArrayList<>();

    assertThatThrownBy(
            () ->
                assertThatObject(() -> new Report(new byte[16]))
                    .after(holder::add)
                    .within(Duration.ofMillis(300))
                    .becomesUnreachable())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected the object (dev.heapbound.testkit.HeapAssertionsTest$Report) to become"
                + " unreachable within PT0.3S, but it is still reachable, and no chain was found"
                + " from any root; pass the class or object that holds it to"
                + " searchingStaticFieldsOf or searchingFrom");
  }

  @Test
  void within_zeroRejected() {
    assertThatThrownBy(() -> assertThatObject(Object::new).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S; the default is PT10S");
  }

  @Test
  void perCallLimit_temporaryWithin() {
    assertThatCall(() -> total += lengthSquared(counter++)).allocatesNothingPerCall();
  }

  @Test
  void perCallLimit_escapingObjectOver() {
    long reportBytes = SizeEstimator.defaults().shallowSize(new Report(null));

    assertThatThrownBy(
            () -> assertThatCall(() -> sink = new Report(null)).allocatesAtMostBytesPerCall(8))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "expected the call to allocate at most 8 bytes per call after warm-up, but it"
                + " allocated "
                + reportBytes
                + ".0 (first call ");
  }

  @Test
  void allocatesAtMostBytes_failsForLargeArray() {
    long arrayBytes = SizeEstimator.defaults().shallowSize(new byte[100_000]);

    assertThatThrownBy(
            () -> assertThatCall(() -> sink = new byte[100_000]).allocatesAtMostBytes(1000))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "expected the call to allocate at most 1,000 bytes, but it allocated ")
        .satisfies(
            thrown ->
                org.assertj.core.api.Assertions.assertThat(
                        Long.parseLong(
                            thrown.getMessage().replaceAll(".* allocated ", "").replace(",", "")))
                    .isGreaterThanOrEqualTo(arrayBytes));
  }

  @Test
  void holdsAtMostBytes_passesWithinBound() {
    Cache<String, byte[]> cache = newCache("within-bound", 1 << 20);
    for (int i = 0; i < 100; i++) {
      cache.put("report-" + i, new byte[100_000]);
    }

    assertThatCache(cache).holdsAtMostBytes(1 << 20);
  }

  @Test
  void holdsAtMostBytes_failureNamesCache() {
    Cache<String, byte[]> cache = newCache("over-bound", 1 << 20);
    for (int i = 0; i < 3; i++) {
      cache.put("report-" + i, new byte[100_000]);
    }
    long held = 0;
    for (Map.Entry<String, byte[]> entry : cache.asMap().entrySet()) {
      held += SizeEstimator.defaults().measure(entry.getKey(), entry.getValue()).bytes();
    }
    String expected =
        String.format(
            "expected cache 'over-bound' to hold at most 100,000 bytes after maintenance, but"
                + " its 3 entries hold %,d bytes",
            held);

    assertThatThrownBy(() -> assertThatCache(cache).holdsAtMostBytes(100_000))
        .isInstanceOf(AssertionError.class)
        .hasMessage(expected);
  }

  private static Cache<String, byte[]> newCache(String name, long maximumBytes) {
    return BoundedCacheBuilder.newBuilder(name)
        .maximumBytes(maximumBytes)
        .executor(Runnable::run)
        .registry(CacheRegistry.global())
        .build();
  }

  private static long lengthSquared(int i) {
    Report report = new Report(null);
    return (long) i * i + (report.data == null ? 0 : 1);
  }

  private static final class Report {
    final byte[] data;

    Report(byte[] data) {
      this.data = data;
    }
  }
}
