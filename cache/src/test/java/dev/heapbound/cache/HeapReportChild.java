package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.HashMap;
import java.util.Map;

/**
 * A small report service, run in a child JVM by {@link HeapReportChildJvmTest}: with {@code leak}
 * it keeps every generated report in a static map, with {@code bounded} in a byte-bounded cache.
 * Keys and values carry marker strings that no output may contain. It prints the last heap report
 * as text and as JSON between marker lines.
 */
final class HeapReportChild {

  static final String KEY_MARKER = "MARKER-KEY-a71c";
  static final String VALUE_MARKER = "MARKER-VALUE-e05f";
  static final int REPORT_BYTES = 1 << 20;
  static final int REQUESTS = 20;
  static final int REQUESTS_PER_SAMPLE = 4;

  static final Map<String, Report> REPORTS = new HashMap<>();
  static Cache<String, Report> cache;

  private HeapReportChild() {}

  public static void main(String[] args) {
    boolean leak = args[0].equals("leak");
    LiveObjectRecorder recorder = LiveObjectRecorder.start();
    if (!leak) {
      cache =
          BoundedCacheBuilder.newBuilder("reports")
              .maximumBytes(8L << 20)
              .executor(Runnable::run)
              .build();
    }
    HeapReporter reporter =
        HeapReporter.builder()
            .collectGarbageBeforeReport()
            .liveObjects(recorder)
            .build()
            .watchStaticFields(HeapReportChild.class);

    HeapReport report = reporter.report();
    for (int request = 1; request <= REQUESTS; request++) {
      String key = KEY_MARKER + "-patient-" + request;
      Report generated = generate(VALUE_MARKER + "-" + request);
      if (leak) {
        REPORTS.put(key, generated);
      } else {
        cache.put(key, generated);
      }
      if (request % REQUESTS_PER_SAMPLE == 0) {
        report = reporter.report();
      }
    }
    recorder.close();

    System.out.println("---TEXT---");
    System.out.print(report.toText());
    System.out.println("---JSON---");
    System.out.println(report.toJson());
    System.out.println("---END---");
  }

  private static Report generate(String title) {
    byte[] pdf = new byte[REPORT_BYTES];
    pdf[0] = 1;
    return new Report(title, pdf);
  }

  record Report(String title, byte[] pdf) {}
}
