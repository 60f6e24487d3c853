package dev.heapbound.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Runs the report service as its README section describes, configured by application.yml. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class ReportServiceApplicationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @LocalServerPort private int port;

  @Test
  void report_generatedOnceThenServedFromCache() throws Exception {
    String first = get("/reports/R-1001").body();
    String second = get("/reports/R-1001").body();

    assertThat(JsonPath.<String>read(second, "$.generatedAt"))
        .isEqualTo(JsonPath.<String>read(first, "$.generatedAt"));
    assertThat(JsonPath.<Integer>read(second, "$.reportsGenerated"))
        .isEqualTo(JsonPath.<Integer>read(first, "$.reportsGenerated"));
    assertThat(JsonPath.<Integer>read(first, "$.documentLength"))
        .isEqualTo(ReportService.DOCUMENT_LENGTH);
  }

  @Test
  void heapboundEndpoint_listsTheDeclaredCaches() throws Exception {
    get("/studies/S-1");

    String body = get("/actuator/heapbound").body();

    assertThat(JsonPath.<List<String>>read(body, "$.caches[*].name"))
        .containsExactly("reports", "studies");
    assertThat(JsonPath.<Number>read(body, "$.caches[0].bounds.maximumBytes").longValue())
        .isEqualTo(64L * 1024 * 1024);
    assertThat(JsonPath.<String>read(body, "$.caches[0].bounds.values")).isEqualTo("soft");
    assertThat(JsonPath.<Integer>read(body, "$.caches[1].bounds.maximumSize")).isEqualTo(1000);
    assertThat(JsonPath.<Integer>read(body, "$.caches[1].entries")).isPositive();
  }

  @Test
  void metrics_countCacheHits() throws Exception {
    get("/studies/S-2");
    get("/studies/S-2");

    String body = get("/actuator/metrics/cache.gets?tag=cache:studies&tag=result:hit").body();

    assertThat(JsonPath.<Double>read(body, "$.measurements[0].value")).isGreaterThanOrEqualTo(1.0);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(TIMEOUT)
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }
}
