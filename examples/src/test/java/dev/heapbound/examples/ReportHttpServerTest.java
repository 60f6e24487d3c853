package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;

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

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private ReportHttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = new ReportHttpServer("test report service", new TwoReportStore());
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
