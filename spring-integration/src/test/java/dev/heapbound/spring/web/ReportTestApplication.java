package dev.heapbound.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small report service for tests: generated reports of about 1 MB are cached by id with
 * {@code @Cacheable}, and every id and report body carries a marker that tests look for.
 */
@SpringBootApplication
@EnableCaching
public class ReportTestApplication {

  /** Marker that every cache key contains. */
  public static final String KEY_MARKER = "KEYMARK7f3a";

  /** Marker that every cached value contains. */
  public static final String VALUE_MARKER = "VALUEMARK91c2";

  /** Size of the payload of each generated report. */
  public static final int PAYLOAD_BYTES = 1024 * 1024;

  /** A generated report. */
  public record Report(String id, String body, byte[] payload) {}

  /** What the HTTP endpoint returns for a report. */
  public record ReportView(String id, String body, int payloadBytes) {}

  /** Generates reports and counts how often it had to. */
  @Service
  public static class ReportGenerator {

    private final AtomicInteger generated = new AtomicInteger();

    /** Generates the report with this id, or returns it from the {@code reports} cache. */
    @Cacheable("reports")
    public Report report(String reportId) {
      generated.incrementAndGet();
      byte[] payload = new byte[PAYLOAD_BYTES];
      Arrays.fill(payload, (byte) 'x');
      byte[] marker = VALUE_MARKER.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(marker, 0, payload, 0, marker.length);
      return new Report(reportId, "report " + VALUE_MARKER + " for " + reportId, payload);
    }

    /** Returns the number of reports generated so far. */
    public int generated() {
      return generated.get();
    }
  }

  /** Serves reports over HTTP. */
  @RestController
  public static class ReportController {

    private final ReportGenerator generator;

    ReportController(ReportGenerator generator) {
      this.generator = generator;
    }

    @GetMapping("/reports/{id}")
    ReportView report(@PathVariable String id) {
      Report report = generator.report(id);
      return new ReportView(report.id(), report.body(), report.payload().length);
    }
  }
}
