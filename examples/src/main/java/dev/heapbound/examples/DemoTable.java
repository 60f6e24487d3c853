package dev.heapbound.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;

/** Formats a demo run's figures for a terminal, in binary megabytes as the JVM's flags count. */
final class DemoTable {

  private static final double MEGABYTE = 1024.0 * 1024.0;

  private DemoTable() {}

  /** Formats the side-by-side table of both services, one row per figure. */
  static String format(DemoResult result) {
    ServiceRun leaking = result.leaking();
    ServiceRun bounded = result.bounded();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "", "leaking: static HashMap", "bounded: reports preset, " + result.options().budget()
        });
    rows.add(row("requests served", served(leaking, result), served(bounded, result)));
    rows.add(row("heap after GC, last", lastHeap(leaking), lastHeap(bounded)));
    rows.add(row("heap after GC, range", heapRange(leaking), heapRange(bounded)));
    rows.add(row("max heap", maxHeap(leaking), maxHeap(bounded)));
    rows.add(row("entries, last", lastEntries(leaking), lastEntries(bounded)));
    rows.add(
        row(
            "cache bytes, last",
            lastCacheBytes(leaking) + " (deep size)",
            lastCacheBytes(bounded) + " (weighted, after cleanUp)"));
    rows.add(
        row(
            "cache bytes, maximum",
            megabytes(leaking.maximumCacheBytesSeen()),
            megabytes(bounded.maximumCacheBytesSeen())));
    rows.add(row("outcome", leaking.outcome().toString(), bounded.outcome().toString()));
    return align(rows);
  }

  /** Describes a service's state in one short phrase, for a progress line. */
  static String progress(ServiceDriver driver) {
    if (driver.outcome() != null) {
      return driver.outcome().toString();
    }
    ServiceStats sample = driver.lastSample();
    if (sample == null) {
      return "no sample";
    }
    return String.format(
        Locale.ROOT,
        "heap after GC %s, %d entries, cache %s",
        megabytes(sample.heapUsedAfterGc()),
        sample.entries(),
        megabytes(sample.cacheBytes()));
  }

  /** Formats a byte count as binary megabytes with one decimal, such as {@code 23.8 MB}. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / MEGABYTE);
  }

  private static String[] row(String label, String leaking, String bounded) {
    return new String[] {label, leaking, bounded};
  }

  private static String served(ServiceRun run, DemoResult result) {
    return run.requestsServed() + " of " + result.options().requests();
  }

  private static String lastHeap(ServiceRun run) {
    return run.lastSample()
        .map(s -> megabytes(s.heapUsedAfterGc()) + " at request " + s.requestsServed())
        .orElse("no sample");
  }

  private static String heapRange(ServiceRun run) {
    if (run.samples().isEmpty()) {
      return "no sample";
    }
    LongSummaryStatistics heap = run.heapUsedAfterGc();
    return megabytes(heap.getMin()) + " to " + megabytes(heap.getMax());
  }

  private static String maxHeap(ServiceRun run) {
    return run.lastSample().map(s -> megabytes(s.maxHeap())).orElse("no sample");
  }

  private static String lastEntries(ServiceRun run) {
    return run.lastSample().map(s -> String.valueOf(s.entries())).orElse("no sample");
  }

  private static String lastCacheBytes(ServiceRun run) {
    return run.lastSample().map(s -> megabytes(s.cacheBytes())).orElse("no sample");
  }

  private static String align(List<String[]> rows) {
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int column = 0; column < 3; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      table.append(
          String.format("%-" + widths[0] + "s   %-" + widths[1] + "s   %s", (Object[]) row));
      table.append(System.lineSeparator());
    }
    return table.toString();
  }
}
