package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.HeapReporter;
import dev.heapbound.core.DataSize;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the report services, in this JVM, over a store that keeps two reports. */
class ReportHttpServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ID_MARKER = "MARKER-ID-9e1a-";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final TwoReportStore store = new TwoReportStore();
  private final HeapReporter heapReporter =
      HeapReporter.builder().registry(new CacheRegistry()).build().watch("reports", store.reports);
  private ReportHttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = new ReportHttpServer("test report service", store, heapReporter);
    port = server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void report_returnsWholeBody() throws Exception {
    HttpResponse<byte[]> response = get("/report?id=42", HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(response.body()).hasSize(Report.BODY_BYTES);
    assertThat(new String(response.body(), 0, 12, "US-ASCII")).isEqualTo("ePRO report ");
  }

  @Test
  void report_rejectsMissingId() throws Exception {
    HttpResponse<String> response = get("/report", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "missing or invalid query parameter 'id'; use 1 to 64 letters, digits or '-', as in"
                + " /report?id=42\n");
  }

  @Test
  void report_rejectsIdWithOtherCharacters() throws Exception {
    HttpResponse<String> response = get("/report?id=a%2Fb", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("a%2Fb").doesNotContain("a/b");
  }

  @Test
  void report_rejectsPost() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(uri("/report?id=1"))
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void stats_returnsFiguresOfStoreAndHeap() throws Exception {
    get("/report?id=1", HttpResponse.BodyHandlers.discarding());
    get("/report?id=2", HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> response = get("/stats", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    ServiceStats stats = ServiceStats.parse(response.body());
    assertThat(stats.requestsServed()).isEqualTo(2);
    assertThat(stats.entries()).isEqualTo(2);
    assertThat(stats.cacheBytes()).isEqualTo(2L * Report.BODY_BYTES);
    assertThat(stats.maximumCacheBytes()).isEqualTo(-1);
    assertThat(stats.heapUsedAfterGc()).isPositive();
    assertThat(stats.maxHeap()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(stats.cacheBytesMeasure()).isEqualTo("bodies of the stored reports");
    assertThat(response.body()).doesNotContain("\"1\"").doesNotContain("id");
  }

  @Test
  void heapReport_returnsTextWithoutIdsOrBodies() throws Exception {
    get("/report?id=" + ID_MARKER + "1", HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> response = get("/heap-report", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    String[] lines = response.body().split("\n");
    assertThat(lines[0]).startsWith("heap report ").endsWith(", 1 structure");
    assertThat(lines[2]).contains(" UNBOUNDED ").contains(" reports ");
    assertThat(response.body()).doesNotContain(ID_MARKER).doesNotContain(Report.BODY_LINE);
  }

  @Test
  void heapReport_returnsJsonOnRequest() throws Exception {
    HttpResponse<String> response =
        get("/heap-report?format=json&live=false", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .startsWith("{\"time\":")
        .contains("\"kind\":\"MAP\",\"name\":\"reports\"")
        .doesNotContain("\"liveObjects\":{");
  }

  @Test
  void heapReport_rejectsUnknownFormat() throws Exception {
    HttpResponse<String> response =
        get("/heap-report?format=xml", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "invalid query parameter 'format'; use text or json, as in /heap-report?format=json\n");
  }

  @Test
  void heapReport_rejectsInvalidLiveFlag() throws Exception {
    HttpResponse<String> response =
        get("/heap-report?live=no", HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "invalid query parameter 'live'; use true or false, as in /heap-report?live=false\n");
  }

  @Test
  void heapReport_skipsLiveReportBelowReserve() throws Exception {
    server.stop();
    DataSize wholeHeap = DataSize.ofBytes(Runtime.getRuntime().maxMemory());
    server = new ReportHttpServer("test report service", store, heapReporter, wholeHeap);
    port = server.start();

    HttpResponse<String> live = get("/heap-report", HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> withoutLive =
        get("/heap-report?live=false", HttpResponse.BodyHandlers.ofString());

    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body())
        .startsWith("heap report skipped: ")
        .endsWith(
            " of heap free after GC, below the "
                + DemoTable.megabytes(wholeHeap.toBytes())
                + " that a report with the live-objects view needs; request"
                + " /heap-report?live=false for a report without it\n");
    assertThat(withoutLive.statusCode()).isEqualTo(200);
    assertThat(withoutLive.body()).startsWith("heap report ");
  }

  private <T> HttpResponse<T> get(String pathAndQuery, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT).build();
    return client.send(request, handler);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** A store that keeps reports in a map and counts their bodies' bytes. */
  private static final class TwoReportStore implements ReportStore {
    private final Map<String, Report> reports = new HashMap<>();

    @Override
    public Report report(String id) {
      return reports.computeIfAbsent(id, Report::generate);
    }

    @Override
    public Figures figures() {
      return new Figures(reports.size(), (long) reports.size() * Report.BODY_BYTES);
    }

    @Override
    public long maximumBytes() {
      return -1;
    }

    @Override
    public String bytesMeasure() {
      return "bodies of the stored reports";
    }
  }
}
