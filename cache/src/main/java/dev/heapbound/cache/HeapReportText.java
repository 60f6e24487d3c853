package dev.heapbound.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link HeapReport} as aligned columns, in the manner of {@code pprof top}. */
final class HeapReportText {

  private static final String[] HEADERS = {
    "RETAINED", "HEAP%", "ENTRIES", "GROWTH", "HIT%", "EVICTIONS", "BOUND", "NAME", "CREATED AT"
  };
  private static final boolean[] RIGHT_ALIGNED = {
    true, true, true, true, true, false, false, false, false
  };

  /** The live-objects sites shown in text; JSON has every site the recorder returned. */
  private static final int MAX_SITES = 10;

  private HeapReportText() {}

  static String render(HeapReport report) {
    StringBuilder text = new StringBuilder();
    text.append("heap report ")
        .append(report.time())
        .append(": heap used after GC ")
        .append(HeapReport.formatBytes(report.heapUsedAfterGc(), false))
        .append(" of ")
        .append(HeapReport.formatBytes(report.heapMax(), false))
        .append(" max, ")
        .append(report.entries().size())
        .append(report.entries().size() == 1 ? " structure" : " structures")
        .append('\n');
    appendTable(text, report.entries());
    for (HeapReportEntry entry : report.suspected()) {
      text.append("SUSPECTED LEAK: ")
          .append(entry.label())
          .append(" (")
          .append(entry.bound())
          .append(") keeps growing while heap used after GC grows\n");
    }
    for (HeapReportEntry entry : report.entries()) {
      for (LiveObjects.Site site : entry.liveObjects()) {
        text.append("  ")
            .append(entry.label())
            .append(" holds ")
            .append(site.count())
            .append(" sampled ")
            .append(site.type())
            .append(" allocated at ")
            .append(site.allocationSite() == null ? "an unknown site" : site.allocationSite())
            .append('\n');
      }
    }
    report.liveObjects().ifPresent(live -> appendLiveObjects(text, live));
    return text.toString();
  }

  private static void appendTable(StringBuilder text, List<HeapReportEntry> entries) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (HeapReportEntry entry : entries) {
      rows.add(
          new String[] {
            HeapReport.formatBytes(entry.retainedBytes(), entry.estimate()),
            Double.isNaN(entry.heapShare())
                ? "-"
                : String.format(Locale.ROOT, "%.1f%%", entry.heapShare() * 100),
            String.format(Locale.ROOT, "%,d", entry.entries()),
            entry.growthBytes().isPresent()
                ? (entry.growthBytes().getAsLong() > 0 ? "+" : "")
                    + HeapReport.formatBytes(entry.growthBytes().getAsLong(), false)
                : "new",
            entry.hitRate().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", entry.hitRate().getAsDouble() * 100)
                : "-",
            evictions(entry),
            entry.bound(),
            entry.label(),
            entry.site() == null ? "-" : entry.site().toString()
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        String padding = " ".repeat(widths[i] - cell.length());
        line.append("  ");
        line.append(RIGHT_ALIGNED[i] ? padding + cell : cell + padding);
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String evictions(HeapReportEntry entry) {
    if (entry.kind() != HeapReportEntry.Kind.CACHE) {
      return "-";
    }
    if (entry.evictionsByCause().isEmpty()) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> count : entry.evictionsByCause().entrySet()) {
      parts.add(count.getKey().toLowerCase(Locale.ROOT) + "=" + count.getValue());
    }
    parts.sort(null);
    return String.join(",", parts);
  }

  private static void appendLiveObjects(StringBuilder text, LiveObjects live) {
    if (!live.available()) {
      text.append("live objects: not available, ").append(live.unavailableReason()).append('\n');
      return;
    }
    text.append("live objects: ")
        .append(live.samples())
        .append(" sampled objects alive after a GC (JFR old-object sample), by allocation site\n");
    List<LiveObjects.Site> shown =
        live.sites().subList(0, Math.min(MAX_SITES, live.sites().size()));
    for (LiveObjects.Site site : shown) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %5d  %s  allocated at %s%n",
              site.count(),
              site.type(),
              site.allocationSite() == null ? "an unknown site" : site.allocationSite()));
      if (!site.referenceChain().isEmpty()) {
        text.append("         held by ").append(String.join(" -> ", site.referenceChain()));
        text.append('\n');
      }
    }
  }
}
