package dev.heapbound.cache;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One heap report: heap used after GC, and every reported cache, map and collection, sorted by
 * retained bytes with the largest first. It contains no key and no value of any structure.
 *
 * <p>{@link #toText()} renders it as aligned columns for a log or a terminal, {@link #toJson()} as
 * JSON for tools.
 */
public final class HeapReport {

  private final Instant time;
  private final long heapUsedAfterGc;
  private final long heapMax;
  private final List<HeapReportEntry> entries;
  private final LiveObjects liveObjects;

  HeapReport(
      Instant time,
      long heapUsedAfterGc,
      long heapMax,
      List<HeapReportEntry> entries,
      LiveObjects liveObjects) {
    this.time = time;
    this.heapUsedAfterGc = heapUsedAfterGc;
    this.heapMax = heapMax;
    this.entries = List.copyOf(entries);
    this.liveObjects = liveObjects;
  }

  /** Returns when the report was taken. */
  public Instant time() {
    return time;
  }

  /** Returns the heap used after the last GC, in bytes. */
  public long heapUsedAfterGc() {
    return heapUsedAfterGc;
  }

  /** Returns the maximum heap, in bytes, as {@code Runtime.maxMemory()} returns it. */
  public long heapMax() {
    return heapMax;
  }

  /** Returns the entries, largest retained bytes first. */
  public List<HeapReportEntry> entries() {
    return entries;
  }

  /** Returns the entry that retains the most bytes, if any. */
  public Optional<HeapReportEntry> top() {
    return entries.stream().findFirst();
  }

  /** Returns the entries that the leak-suspicion rule flags. */
  public List<HeapReportEntry> suspected() {
    return entries.stream().filter(HeapReportEntry::suspected).toList();
  }

  /**
   * Returns the live-objects view, when the report came from {@link HeapReporter#report()} on a
   * reporter with a recorder.
   */
  public Optional<LiveObjects> liveObjects() {
    return Optional.ofNullable(liveObjects);
  }

  /** Renders the report as aligned text. */
  public String toText() {
    return HeapReportText.render(this);
  }

  /** Renders the report as JSON. */
  public String toJson() {
    return HeapReportJson.render(this);
  }

  @Override
  public String toString() {
    return toText();
  }

  /** Formats bytes for people, as in {@code 31.5 MB}, with {@code ~} before an estimate. */
  static String formatBytes(long bytes, boolean estimate) {
    String prefix = estimate ? "~" : "";
    double value = Math.abs(bytes);
    String sign = bytes < 0 ? "-" : "";
    if (value < 1024) {
      return prefix + sign + (long) value + " B";
    } else if (value < 1024 * 1024) {
      return String.format(Locale.ROOT, "%s%s%.1f KB", prefix, sign, value / 1024);
    } else if (value < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%s%s%.1f MB", prefix, sign, value / (1024 * 1024));
    }
    return String.format(Locale.ROOT, "%s%s%.2f GB", prefix, sign, value / (1024L * 1024 * 1024));
  }
}
