package dev.heapbound.examples;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.CachePresets;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.CacheSummary;
import dev.heapbound.cache.HeapReporter;
import dev.heapbound.cache.LiveObjectRecorder;
import dev.heapbound.core.DataSize;
import java.io.IOException;

/**
 * The report service of {@link LeakingReportService}, fixed: reports live in a cache built from
 * {@link CachePresets#reports}, bounded in bytes of heap, with soft values and a write expiry.
 *
 * <p>The byte budget is the first argument, or the system property {@value
 * #MAXIMUM_BYTES_PROPERTY}, in the forms of {@link DataSize#parse} such as {@code 24MB}; the
 * default is {@value #DEFAULT_MAXIMUM_BYTES}. The figures of {@code /stats} come from the cache's
 * summary in {@link CacheRegistry#global()}, which runs the cache's pending maintenance first, so
 * the entry count and weighted bytes are exact at that moment.
 *
 * <p>{@code GET /heap-report} lists the cache from the registry as {@code cache 'reports'}, with
 * its bounds and where it was built; a cache with a byte bound is never suspected of leaking.
 *
 * <p>Run with {@code java -Xmx192m -XX:+ExitOnOutOfMemoryError -cp ...
 * dev.heapbound.examples.BoundedReportService 24MB}; the service prints {@code listening on
 * http://127.0.0.1:PORT/} once it accepts requests.
 */
public final class BoundedReportService implements ReportStore {

  /** The system property that sets the byte budget when no argument does. */
  public static final String MAXIMUM_BYTES_PROPERTY = "heapbound.reports.maximumBytes";

  /** The byte budget when neither an argument nor the system property sets one. */
  public static final String DEFAULT_MAXIMUM_BYTES = "24MB";

  /** The name of the cache in the registry. */
  static final String CACHE_NAME = "reports";

  private final Cache<String, Report> reports;
  private final long maximumBytes;

  BoundedReportService(DataSize maximumBytes) {
    this.maximumBytes = maximumBytes.toBytes();
    this.reports = CachePresets.reports(CACHE_NAME).maximumBytes(maximumBytes).build();
  }

  /**
   * Starts the service on an ephemeral port of 127.0.0.1.
   *
   * @param args an optional byte budget, such as {@code 24MB}
   */
  public static void main(String[] args) throws IOException {
    String budget =
        args.length > 0
            ? args[0]
            : System.getProperty(MAXIMUM_BYTES_PROPERTY, DEFAULT_MAXIMUM_BYTES);
    HeapReporter heapReporter =
        HeapReporter.builder().liveObjects(LiveObjectRecorder.start()).build();
    BoundedReportService store = new BoundedReportService(DataSize.parse(budget));
    new ReportHttpServer("bounded report service", store, heapReporter).start();
  }

  @Override
  public Report report(String id) {
    return reports.get(id, Report::generate);
  }

  /** Reads the entries and weighted bytes from the cache's summary, taken after maintenance. */
  @Override
  public Figures figures() {
    CacheSummary summary = summary();
    return new Figures(summary.entries(), summary.weightedBytes().orElseThrow());
  }

  @Override
  public long maximumBytes() {
    return maximumBytes;
  }

  @Override
  public String bytesMeasure() {
    return "weighted size of the reports cache after maintenance, from CacheRegistry";
  }

  private CacheSummary summary() {
    return CacheRegistry.global()
        .cache(CACHE_NAME)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "cache '"
                        + CACHE_NAME
                        + "' is missing from CacheRegistry.global(); the service builds it at"
                        + " start-up and keeps it, so this is a bug"));
  }
}
