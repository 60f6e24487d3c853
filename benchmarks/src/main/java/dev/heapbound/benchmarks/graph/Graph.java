package dev.heapbound.benchmarks.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The object graphs that every size estimator measures. Each call to {@link #create()} builds a new
 * graph, with strings built at run time, so that no two graphs share anything but the JDK's own
 * flyweights.
 */
public enum Graph {
  /** A {@link ReportRecord} with a 1 MB payload, three tags and three metadata entries. */
  RECORD_REPORT("record report, 1 MB payload, 3 tags, 3 metadata entries") {
    @Override
    public Object create() {
      return new ReportRecord(
          text("report-", 42),
          text("study-", 7),
          Instant.ofEpochSecond(1_800_000_000L),
          new byte[PAYLOAD_BYTES],
          tags(),
          metadata());
    }
  },

  /** The same fields as {@link #RECORD_REPORT} in a plain final class. */
  CLASS_REPORT("the same report as a plain final class") {
    @Override
    public Object create() {
      return new ReportClass(
          text("report-", 42),
          text("study-", 7),
          Instant.ofEpochSecond(1_800_000_000L),
          new byte[PAYLOAD_BYTES],
          tags(),
          metadata());
    }
  },

  /** A {@code HashMap} of 1,000 {@code String} keys to 100-byte arrays. */
  HASH_MAP("HashMap of 1,000 String keys to 100-byte arrays") {
    @Override
    public Object create() {
      Map<String, byte[]> map = new HashMap<>();
      for (int i = 0; i < MAP_ENTRIES; i++) {
        map.put(text("patient-", i), new byte[MAP_VALUE_BYTES]);
      }
      return map;
    }
  },

  /** An {@code ArrayList} of 10,000 {@link MedicationRecord}s. */
  ARRAY_LIST("ArrayList of 10,000 small records") {
    @Override
    public Object create() {
      List<MedicationRecord> history = new ArrayList<>();
      for (int i = 0; i < LIST_ELEMENTS; i++) {
        history.add(new MedicationRecord(1_000 + i / 10, i % 50, 5 * (i % 20)));
      }
      return history;
    }
  },

  /**
   * An {@code ArrayList} of 1,000 {@link Visit}s whose fields all refer to flyweights: enum
   * constants of the project and of the JDK, cached boxes and interned literals.
   */
  FLYWEIGHTS("ArrayList of 1,000 visits whose fields are all flyweights") {
    @Override
    public Object create() {
      Visit.VisitStatus[] statuses = Visit.VisitStatus.values();
      Visit.Arm[] arms = Visit.Arm.values();
      ChronoUnit[] windows = {ChronoUnit.DAYS, ChronoUnit.WEEKS};
      String[] sites = {"site-1", "site-2", "site-3", "site-4"};
      List<Visit> schedule = new ArrayList<>();
      for (int i = 0; i < FLYWEIGHT_VISITS; i++) {
        schedule.add(
            new Visit(
                statuses[i % statuses.length],
                arms[i % arms.length],
                windows[i % windows.length],
                Integer.valueOf(i % 52),
                Boolean.valueOf(i % 3 == 0),
                sites[i % sites.length]));
      }
      return schedule;
    }
  };

  /** The payload of each report, 1 MB. */
  public static final int PAYLOAD_BYTES = 1 << 20;

  public static final int MAP_ENTRIES = 1_000;
  public static final int MAP_VALUE_BYTES = 100;
  public static final int LIST_ELEMENTS = 10_000;
  public static final int FLYWEIGHT_VISITS = 1_000;

  private final String description;

  Graph(String description) {
    this.description = description;
  }

  /** Builds a new instance of this graph. */
  public abstract Object create();

  /** Returns a short description for the results page. */
  public String description() {
    return description;
  }

  private static String text(String prefix, int number) {
    return prefix + String.format("%04d", number);
  }

  private static List<String> tags() {
    return List.of(text("epro-", 1), text("weekly-", 2), text("site-", 3));
  }

  private static Map<String, String> metadata() {
    return Map.of(
        text("form-", 1), text("v", 12),
        text("language-", 2), text("en-", 3),
        text("reviewer-", 3), text("staff-", 17));
  }
}
