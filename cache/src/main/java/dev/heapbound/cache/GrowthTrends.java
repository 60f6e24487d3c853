package dev.heapbound.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The growth of each reported structure from one heap report to the next, and the leak-suspicion
 * rule that {@link HeapReporter} applies to it.
 *
 * <p>A structure is suspected when it has no bound on entries, bytes or weight, its retained bytes
 * grew in at least {@code suspicionSamples} consecutive samples, and heap used after GC is higher
 * now than in the sample before that streak began. A warning is logged when a structure becomes
 * suspected, and again only after its growth stopped and started over.
 */
final class GrowthTrends {

  private static final Logger log = LoggerFactory.getLogger(HeapReporter.LOGGER_NAME);

  private final int suspicionSamples;
  private final Map<String, Trend> trends = new HashMap<>();
  private long previousHeapAfterGc = -1;

  GrowthTrends(int suspicionSamples) {
    this.suspicionSamples = suspicionSamples;
  }

  /** Returns the entries with growth figures and suspicion flags, and remembers this sample. */
  List<HeapReportEntry> apply(List<HeapReportEntry> entries, long heapAfterGc) {
    Map<String, Trend> seen = new HashMap<>();
    List<HeapReportEntry> result = new ArrayList<>();
    for (HeapReportEntry entry : entries) {
      String id = entry.kind() + ":" + entry.name();
      Trend trend = trends.get(id);
      if (trend == null) {
        trend = new Trend(entry.retainedBytes(), entry.entries(), previousHeapAfterGc);
        seen.put(id, trend);
        result.add(entry);
        continue;
      }
      long growth = entry.retainedBytes() - trend.retainedBytes;
      long growthEntries = entry.entries() - trend.entries;
      if (growth > 0) {
        if (trend.streak == 0) {
          trend.heapAtStreakStart = previousHeapAfterGc;
        }
        trend.streak++;
      } else {
        trend.streak = 0;
      }
      trend.retainedBytes = entry.retainedBytes();
      trend.entries = entry.entries();
      boolean suspected =
          !entry.capacityBound()
              && trend.streak >= suspicionSamples
              && trend.heapAtStreakStart >= 0
              && heapAfterGc > trend.heapAtStreakStart;
      if (suspected && !trend.suspected) {
        warnSuspected(entry, trend, heapAfterGc);
      }
      trend.suspected = suspected;
      seen.put(id, trend);
      result.add(
          entry.withTrend(OptionalLong.of(growth), OptionalLong.of(growthEntries), suspected));
    }
    trends.clear();
    trends.putAll(seen);
    previousHeapAfterGc = heapAfterGc;
    return result;
  }

  private void warnSuspected(HeapReportEntry entry, Trend trend, long heapAfterGc) {
    log.warn(
        "heap report: {} ({}, {}) grew in {} consecutive samples to {} entries and {}, while heap"
            + " used after GC grew from {} to {}; it may be leaking, so bound it (a cache with"
            + " maximumBytes or maximumSize) or remove entries once they are no longer needed",
        entry.label(),
        entry.type(),
        entry.bound(),
        trend.streak,
        entry.entries(),
        HeapReport.formatBytes(entry.retainedBytes(), entry.estimate()),
        HeapReport.formatBytes(trend.heapAtStreakStart, false),
        HeapReport.formatBytes(heapAfterGc, false));
  }

  /** The figures of one structure that the reporter keeps between samples. */
  private static final class Trend {
    long retainedBytes;
    long entries;
    long heapAtStreakStart;
    int streak;
    boolean suspected;

    Trend(long retainedBytes, long entries, long heapAtStreakStart) {
      this.retainedBytes = retainedBytes;
      this.entries = entries;
      this.heapAtStreakStart = heapAtStreakStart;
    }
  }
}
