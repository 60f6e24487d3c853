package dev.heapbound.spring.web;

import static dev.heapbound.spring.web.ReportTestApplication.KEY_MARKER;
import static dev.heapbound.spring.web.ReportTestApplication.VALUE_MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.heapbound.spring.web.ReportTestApplication.ReportGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    classes = ReportTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "heapbound.cache.caches.reports.preset=reports",
      "heapbound.cache.caches.reports.maximum-bytes=4MB",
      "heapbound.cache.caches.studies.maximum-size=100",
      "management.endpoints.web.exposure.include=heapbound,metrics,prometheus,caches"
    })
@ExtendWith(OutputCaptureExtension.class)
class HeapboundWebIntegrationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @LocalServerPort private int port;

  @Autowired private ReportGenerator generator;

  @Test
  void cacheable_missesThenHitsOverHttp() throws Exception {
    String id = "patient-1-" + KEY_MARKER;
    int generatedBefore = generator.generated();
    double hitsBefore = cacheGets("hit");
    double missesBefore = cacheGets("miss");

    HttpResponse<String> first = get("/reports/" + id);
    HttpResponse<String> second = get("/reports/" + id);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(JsonPath.<Integer>read(first.body(), "$.payloadBytes"))
        .isEqualTo(ReportTestApplication.PAYLOAD_BYTES);
    assertThat(generator.generated() - generatedBefore).isEqualTo(1);
    assertThat(cacheGets("hit") - hitsBefore).isEqualTo(1.0);
    assertThat(cacheGets("miss") - missesBefore).isEqualTo(1.0);
  }

  @Test
  void endpoint_listsCachesWithFigures() throws Exception {
    get("/reports/patient-2-" + KEY_MARKER);

    HttpResponse<String> response = get("/actuator/heapbound");

    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(JsonPath.<List<String>>read(body, "$.caches[*].name"))
        .containsExactly("reports", "studies");
    assertThat(JsonPath.<Integer>read(body, "$.caches[0].entries")).isPositive();
    assertThat(JsonPath.<Number>read(body, "$.caches[0].weightedBytes").longValue())
        .isGreaterThan(ReportTestApplication.PAYLOAD_BYTES);
    assertThat(JsonPath.<Number>read(body, "$.caches[0].bounds.maximumBytes").longValue())
        .isEqualTo(4L * 1024 * 1024);
    assertThat(JsonPath.<String>read(body, "$.caches[0].bounds.values")).isEqualTo("soft");
    assertThat(JsonPath.<String>read(body, "$.caches[0].bounds.expireAfterWrite"))
        .isEqualTo("PT10M");
    assertThat(JsonPath.<Integer>read(body, "$.caches[1].bounds.maximumSize")).isEqualTo(100);
  }

  @Test
  void endpoint_describesOneCacheBySelector() throws Exception {
    HttpResponse<String> reports = get("/actuator/heapbound/reports");
    HttpResponse<String> absent = get("/actuator/heapbound/absent");

    assertThat(reports.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(reports.body(), "$.name")).isEqualTo("reports");
    assertThat(absent.statusCode()).isEqualTo(404);
  }

  @Test
  void prometheus_showsStatisticsAndByteGauges() throws Exception {
    get("/reports/patient-3-" + KEY_MARKER);
    get("/reports/patient-3-" + KEY_MARKER);

    String scrape = get("/actuator/prometheus").body();

    assertThat(scrape)
        .contains(
            "cache_gets_total{cache=\"reports\",cache_manager=\"cacheManager\",name=\"reports\","
                + "result=\"hit\"}")
        .contains("heapbound_cache_weight_bytes{cache=\"reports\"")
        .contains(
            "heapbound_cache_weight_max_bytes{cache=\"reports\",cache_manager=\"cacheManager\","
                + "name=\"reports\"} 4194304.0");
  }

  @Test
  void responsesAndLogs_containNoKeyOrValue(CapturedOutput output) throws Exception {
    for (int i = 0; i < 8; i++) {
      get("/reports/patient-" + i + "-evict-" + KEY_MARKER);
      get("/reports/patient-" + i + "-evict-" + KEY_MARKER);
    }
    List<String> paths =
        List.of(
            "/actuator/heapbound",
            "/actuator/heapbound/reports",
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/metrics/cache.gets",
            "/actuator/metrics/cache.evictions",
            "/actuator/metrics/heapbound.cache.weight",
            "/actuator/caches");

    for (String path : paths) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain(KEY_MARKER).doesNotContain(VALUE_MARKER);
    }
    String heapbound = get("/actuator/heapbound/reports").body();
    assertThat(JsonPath.<Integer>read(heapbound, "$.evictions")).isPositive();
    assertThat(output.getOut()).contains("cache 'reports' evicted an entry");
    assertThat(output.getAll()).doesNotContain(KEY_MARKER).doesNotContain(VALUE_MARKER);
  }

  private double cacheGets(String result) throws Exception {
    String body = get("/actuator/metrics/cache.gets?tag=cache:reports&tag=result:" + result).body();
    return JsonPath.<Number>read(body, "$.measurements[0].value").doubleValue();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
