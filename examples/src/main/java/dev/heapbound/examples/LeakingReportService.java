package dev.heapbound.examples;

import dev.heapbound.cache.HeapReporter;
import dev.heapbound.cache.LiveObjectRecorder;
import dev.heapbound.core.SizeEstimator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A report service that leaks: it keeps every report it generates in a static {@link HashMap} that
 * nothing ever removes from.
 *
 * <p>The map is reachable from a GC root (this class's static field) for as long as the JVM runs,
 * so every report stays reachable and the collector can free none of them. With distinct ids the
 * heap fills at about 1 MB per request until the JVM throws {@link OutOfMemoryError}. {@link
 * BoundedReportService} is the same service with a bounded cache.
 *
 * <p>{@code GET /heap-report} shows the leak from inside the service: its {@link HeapReporter}
 * scans this class's static fields, so the map is reported as {@code LeakingReportService.REPORTS},
 * {@code UNBOUNDED}, with its retained bytes. A {@link LiveObjectRecorder} adds the line that
 * allocated the report bodies the map keeps alive.
 *
 * <p>Run with {@code java -Xmx192m -XX:+ExitOnOutOfMemoryError -cp ...
 * dev.heapbound.examples.LeakingReportService}; the service prints {@code listening on
 * http://127.0.0.1:PORT/} once it accepts requests.
 */
public final class LeakingReportService implements ReportStore {

  // The leak: a static map with no eviction, so nothing here is ever collected.
  private static final Map<String, Report> REPORTS = new HashMap<>();

  /** Starts the service on an ephemeral port of 127.0.0.1. */
  public static void main(String[] args) throws IOException {
    HeapReporter heapReporter =
        HeapReporter.builder()
            .liveObjects(LiveObjectRecorder.start())
            .build()
            .watchStaticFields(LeakingReportService.class);
    new ReportHttpServer("leaking report service", new LeakingReportService(), heapReporter)
        .start();
  }

  @Override
  public Report report(String id) {
    return REPORTS.computeIfAbsent(id, Report::generate);
  }

  /**
   * Counts the map's entries and measures its deep size, keys and reports included, with {@link
   * SizeEstimator}. The walk visits a few objects per entry and never reads a report body, so it
   * stays cheap for the few hundred entries that a small heap holds.
   */
  @Override
  public Figures figures() {
    return new Figures(REPORTS.size(), SizeEstimator.defaults().deepSize(REPORTS));
  }

  @Override
  public long maximumBytes() {
    return -1;
  }

  @Override
  public String bytesMeasure() {
    return "deep size of the static map, measured with SizeEstimator";
  }
}
