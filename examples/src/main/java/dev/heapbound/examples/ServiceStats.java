package dev.heapbound.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures that a report service returns from {@code GET /stats}, as a flat JSON object. They
 * hold counts and sizes only, never a report id or any report content.
 *
 * @param requestsServed the {@code /report} requests served so far
 * @param entries the reports stored
 * @param cacheBytes the bytes the stored reports take, measured as {@code cacheBytesMeasure} says
 * @param maximumCacheBytes the byte budget of the store, or -1 if it has none
 * @param heapUsedAfterGc the heap in use right after a full {@code System.gc()}, in bytes
 * @param maxHeap the maximum heap of the service's JVM ({@code Runtime.maxMemory()}), in bytes
 * @param cacheBytesMeasure how {@code cacheBytes} was measured
 */
public record ServiceStats(
    long requestsServed,
    long entries,
    long cacheBytes,
    long maximumCacheBytes,
    long heapUsedAfterGc,
    long maxHeap,
    String cacheBytesMeasure) {

  private static final Pattern FIELD =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:\"([^\"\\\\]*)\"|(-?\\d+))");

  /** Formats the figures as the JSON object that {@code /stats} returns. */
  public String toJson() {
    return "{\"requestsServed\":"
        + requestsServed
        + ",\"entries\":"
        + entries
        + ",\"cacheBytes\":"
        + cacheBytes
        + ",\"maximumCacheBytes\":"
        + maximumCacheBytes
        + ",\"heapUsedAfterGc\":"
        + heapUsedAfterGc
        + ",\"maxHeap\":"
        + maxHeap
        + ",\"cacheBytesMeasure\":\""
        + cacheBytesMeasure
        + "\"}";
  }

  /**
   * Parses the JSON object that {@link #toJson()} writes.
   *
   * @throws IllegalArgumentException if a field is missing
   */
  public static ServiceStats parse(String json) {
    Map<String, String> fields = new HashMap<>();
    Matcher matcher = FIELD.matcher(json);
    while (matcher.find()) {
      fields.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
    }
    return new ServiceStats(
        number(fields, "requestsServed"),
        number(fields, "entries"),
        number(fields, "cacheBytes"),
        number(fields, "maximumCacheBytes"),
        number(fields, "heapUsedAfterGc"),
        number(fields, "maxHeap"),
        field(fields, "cacheBytesMeasure"));
  }

  private static long number(Map<String, String> fields, String name) {
    return Long.parseLong(field(fields, name));
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "invalid stats response: field '" + name + "' is missing; expected the JSON of /stats");
    }
    return value;
  }
}
