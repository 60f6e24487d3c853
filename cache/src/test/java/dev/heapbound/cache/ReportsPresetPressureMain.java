package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.DataSize;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fills a byte-bounded cache, then keeps more live data than the rest of a 64 MB heap can take, and
 * prints its figures as {@code name=value} lines. {@link ReportsPresetMemoryPressureTest} runs it
 * in a child JVM with {@code -Xmx64m -XX:+ExitOnOutOfMemoryError}.
 *
 * <p>The argument {@code soft} builds the cache from {@link CachePresets#reports}, whose soft
 * values let the collector take reports back; {@code strong} builds the same byte bound without
 * soft values, which has to run out of memory under the same pressure.
 */
final class ReportsPresetPressureMain {

  static final long MAXIMUM_BYTES = DataSize.ofMegabytes(32).toBytes();
  static final int REPORT_BYTES = 1_000_000;
  static final int REPORTS_FILLED = 30;
  static final long PRESSURE_BYTES = DataSize.ofMegabytes(38).toBytes();
  static final int REPORTS_WRITTEN_AFTER = 100;

  // 256 KB stays below G1's humongous threshold of half a 1 MB region, so chunks pack densely.
  private static final int PRESSURE_CHUNK_BYTES = 256 * 1024;

  private ReportsPresetPressureMain() {}

  public static void main(String[] args) {
    boolean soft = args.length > 0 && args[0].equals("soft");
    BoundedCacheBuilder<Object, Object> builder =
        soft
            ? CachePresets.reports("reports")
            : BoundedCacheBuilder.newBuilder("reports")
                .expireAfterWrite(CachePresets.REPORTS_EXPIRE_AFTER_WRITE);
    Cache<Integer, byte[]> reports =
        builder.maximumBytes(MAXIMUM_BYTES).executor(Runnable::run).build();

    for (int i = 0; i < REPORTS_FILLED; i++) {
      reports.put(i, new byte[REPORT_BYTES]);
    }
    print("filled", reports);

    List<byte[]> pressure = new ArrayList<>();
    for (long held = 0; held < PRESSURE_BYTES; held += PRESSURE_CHUNK_BYTES) {
      pressure.add(new byte[PRESSURE_CHUNK_BYTES]);
    }
    System.out.println("held.bytes=" + (long) pressure.size() * PRESSURE_CHUNK_BYTES);
    awaitCollectedValues(reports);
    print("pressure", reports);

    pressure = null;
    for (int i = 0; i < REPORTS_WRITTEN_AFTER; i++) {
      reports.put(REPORTS_FILLED + i, new byte[REPORT_BYTES]);
    }
    print("bound", reports);
  }

  /**
   * Waits, for at most two seconds, until the cache has removed entries whose values the collector
   * cleared. The reference handler thread queues cleared references after the collection, so a
   * maintenance run right after it can still count them.
   */
  private static void awaitCollectedValues(Cache<Integer, byte[]> reports) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    reports.cleanUp();
    while (reports.estimatedSize() >= REPORTS_FILLED && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      reports.cleanUp();
    }
  }

  private static void print(String phase, Cache<Integer, byte[]> reports) {
    reports.cleanUp();
    CacheSummary summary = CacheRegistry.global().cache("reports").orElseThrow();
    System.out.println(phase + ".entries=" + summary.entries());
    System.out.println(phase + ".bytes=" + summary.weightedBytes().orElseThrow());
    System.out.println(phase + ".evictions=" + summary.evictions());
  }
}
