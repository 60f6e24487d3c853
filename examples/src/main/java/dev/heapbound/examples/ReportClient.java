package dev.heapbound.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP client of the report services on 127.0.0.1. Every request has a time limit that covers
 * the whole exchange, body included.
 */
final class ReportClient {

  private final HttpClient client;
  private final Duration timeout;

  ReportClient(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Requests the report with this id and returns the length of its body in bytes.
   *
   * @throws IOException if the request fails, times out or gets a status other than 200
   */
  long fetchReport(int port, String id) throws IOException {
    return send(port, "/report?id=" + id, HttpResponse.BodyHandlers.ofByteArray()).length;
  }

  /**
   * Requests the service's heap report as text, with the live-objects view or without it.
   *
   * @throws StatusException if the service responded with a status other than 200
   * @throws IOException if the request fails or times out
   */
  String fetchHeapReport(int port, boolean liveObjects) throws IOException {
    return send(
        port,
        liveObjects ? "/heap-report" : "/heap-report?live=false",
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Requests the service's figures, which makes it run a full garbage collection first.
   *
   * @throws IOException if the request fails, times out, gets a status other than 200, or the
   *     response is not the JSON of {@code /stats}
   */
  ServiceStats fetchStats(int port) throws IOException {
    String json = send(port, "/stats", HttpResponse.BodyHandlers.ofString());
    try {
      return ServiceStats.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IOException("GET /stats returned an invalid response", e);
    }
  }

  private <T> T send(int port, String pathAndQuery, BodyHandler<T> bodyHandler) throws IOException {
    String path = pathAndQuery.replaceFirst("\\?.*", "");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(timeout)
            .GET()
            .build();
    CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request, bodyHandler);
    HttpResponse<T> response;
    try {
      response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new IOException("GET " + path + " timed out after " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw new IOException("GET " + path + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during GET " + path, e);
    }
    if (response.statusCode() != 200) {
      throw new StatusException(path, response.statusCode(), response.body());
    }
    return response.body();
  }

  /** A response with a status other than 200, which shows that the service is still running. */
  static final class StatusException extends IOException {

    private static final long serialVersionUID = 1L;

    StatusException(String path, int status, Object body) {
      super("GET " + path + " returned status " + status + describe(body));
    }

    /** Returns the first line of a text body, which the services use for the reason. */
    private static String describe(Object body) {
      if (!(body instanceof String) || ((String) body).isBlank()) {
        return "";
      }
      return ": " + ((String) body).lines().findFirst().orElse("");
    }
  }
}
