package dev.heapbound.cache;

import dev.heapbound.core.CallSite;
import java.util.List;
import java.util.Map;

/** Renders a {@link HeapReport} as JSON. Every string is escaped as RFC 8259 requires. */
final class HeapReportJson {

  private HeapReportJson() {}

  static String render(HeapReport report) {
    StringBuilder json = new StringBuilder("{");
    field(json, "time", report.time().toString()).append(',');
    json.append("\"heap\":{\"usedAfterGcBytes\":").append(report.heapUsedAfterGc());
    json.append(",\"maxBytes\":").append(report.heapMax()).append("},");
    json.append("\"entries\":[");
    List<HeapReportEntry> entries = report.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      entry(json, entries.get(i));
    }
    json.append(']');
    report.liveObjects().ifPresent(live -> liveObjects(json.append(','), live));
    return json.append('}').toString();
  }

  private static void entry(StringBuilder json, HeapReportEntry entry) {
    json.append('{');
    field(json, "kind", entry.kind().name()).append(',');
    field(json, "name", entry.name()).append(',');
    field(json, "owner", entry.owner()).append(',');
    field(json, "type", entry.type()).append(',');
    json.append("\"site\":");
    site(json, entry.site());
    json.append(',');
    field(json, "bound", entry.bound()).append(',');
    json.append("\"capacityBound\":").append(entry.capacityBound());
    json.append(",\"entries\":").append(entry.entries());
    json.append(",\"retainedBytes\":").append(entry.retainedBytes());
    json.append(",\"estimate\":").append(entry.estimate());
    json.append(",\"heapShare\":");
    json.append(Double.isNaN(entry.heapShare()) ? "null" : String.valueOf(entry.heapShare()));
    json.append(",\"growthBytes\":");
    json.append(entry.growthBytes().isPresent() ? entry.growthBytes().getAsLong() : "null");
    json.append(",\"growthEntries\":");
    json.append(entry.growthEntries().isPresent() ? entry.growthEntries().getAsLong() : "null");
    json.append(",\"hitRate\":");
    json.append(entry.hitRate().isPresent() ? entry.hitRate().getAsDouble() : "null");
    json.append(",\"evictionsByCause\":{");
    boolean first = true;
    for (Map.Entry<String, Long> count : entry.evictionsByCause().entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      string(json, count.getKey()).append(':').append(count.getValue());
    }
    json.append("},\"suspected\":").append(entry.suspected());
    json.append(",\"liveObjects\":");
    sites(json, entry.liveObjects());
    json.append('}');
  }

  private static void liveObjects(StringBuilder json, LiveObjects live) {
    json.append("\"liveObjects\":{\"available\":").append(live.available()).append(',');
    field(json, "unavailableReason", live.unavailableReason()).append(',');
    json.append("\"samples\":").append(live.samples()).append(",\"sites\":");
    sites(json, live.sites());
    json.append('}');
  }

  private static void sites(StringBuilder json, List<LiveObjects.Site> sites) {
    json.append('[');
    for (int i = 0; i < sites.size(); i++) {
      LiveObjects.Site site = sites.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append('{');
      field(json, "type", site.type()).append(',');
      json.append("\"allocationSite\":");
      site(json, site.allocationSite());
      json.append(",\"count\":").append(site.count()).append(',');
      field(json, "staticOwner", site.staticOwner()).append(',');
      json.append("\"referenceChain\":[");
      for (int j = 0; j < site.referenceChain().size(); j++) {
        if (j > 0) {
          json.append(',');
        }
        string(json, site.referenceChain().get(j));
      }
      json.append("]}");
    }
    json.append(']');
  }

  private static void site(StringBuilder json, CallSite site) {
    if (site == null) {
      json.append("null");
      return;
    }
    json.append('{');
    field(json, "class", site.className()).append(',');
    field(json, "method", site.methodName()).append(',');
    field(json, "file", site.fileName()).append(',');
    json.append("\"line\":").append(site.lineNumber()).append('}');
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    string(json, name).append(':');
    return value == null ? json.append("null") : string(json, value);
  }

  /** Appends a JSON string literal, escaping quotes, backslashes and control characters. */
  static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    return json.append('"');
  }
}
