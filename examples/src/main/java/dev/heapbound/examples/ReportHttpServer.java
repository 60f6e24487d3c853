package dev.heapbound.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.heapbound.cache.HeapReport;
import dev.heapbound.cache.HeapReporter;
import dev.heapbound.core.DataSize;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a report service, on the JDK's {@code com.sun.net.httpserver}, bound to the
 * loopback address.
 *
 * <ul>
 *   <li>{@code GET /report?id=N} returns the report with id {@code N} as {@code
 *       application/octet-stream}, generating it if the store does not hold it;
 *   <li>{@code GET /stats} runs {@code System.gc()} and returns {@link ServiceStats} as JSON;
 *   <li>{@code GET /heap-report} runs {@code System.gc()} and returns the service's {@link
 *       HeapReporter#report() heap report} as text, or as JSON with {@code ?format=json}. With
 *       {@code ?live=false} it returns {@link HeapReporter#sample()} instead, which leaves out the
 *       live-objects view and costs a fraction of the time.
 * </ul>
 *
 * <p>A heap report with the live-objects view needs a few megabytes of heap while it reads the
 * recording. When less than {@link #DEFAULT_HEAP_REPORT_RESERVE} of the heap is free after the GC,
 * {@code /heap-report} responds with status 503 instead, so that a diagnosis cannot itself make a
 * nearly full service run out of memory.
 *
 * <p>Requests are handled one at a time on the server's dispatcher thread, so a store needs no
 * locking and neither {@code /stats} nor {@code /heap-report} measures a store while a request
 * changes it.
 */
final class ReportHttpServer {

  /** The line printed on standard output once the server accepts requests. */
  static final Pattern LISTENING_LINE =
      Pattern.compile("^listening on http://127\\.0\\.0\\.1:(\\d+)/$");

  /**
   * The heap that must be free after GC for a heap report with the live-objects view. Such a report
   * allocates about 4 MB in all, most of it while it parses the JFR recording (measured with a 64
   * MB heap on JDK 17), and the reserve is twice that.
   */
  static final DataSize DEFAULT_HEAP_REPORT_RESERVE = DataSize.ofMegabytes(8);

  private static final Logger log = LoggerFactory.getLogger(ReportHttpServer.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final String serviceName;
  private final ReportStore store;
  private final HeapReporter heapReporter;
  private final long heapReportReserveBytes;
  private final AtomicLong requestsServed = new AtomicLong();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private HttpServer server;

  /**
   * Creates the server of a store, with the heap reporter that {@code /heap-report} reads. The
   * server runs a full GC before each report, so the reporter needs no {@code
   * collectGarbageBeforeReport()}.
   */
  ReportHttpServer(String serviceName, ReportStore store, HeapReporter heapReporter) {
    this(serviceName, store, heapReporter, DEFAULT_HEAP_REPORT_RESERVE);
  }

  ReportHttpServer(
      String serviceName,
      ReportStore store,
      HeapReporter heapReporter,
      DataSize heapReportReserve) {
    this.serviceName = serviceName;
    this.store = store;
    this.heapReporter = heapReporter;
    this.heapReportReserveBytes = heapReportReserve.toBytes();
  }

  /**
   * Starts the server on an ephemeral port of 127.0.0.1 and prints {@code listening on
   * http://127.0.0.1:PORT/} on standard output. The server's thread keeps the JVM running until
   * {@link #stop()} or the end of the process.
   *
   * @return the port
   */
  int start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/report", exchange -> handle(exchange, this::serveReport));
    server.createContext("/stats", exchange -> handle(exchange, this::serveStats));
    server.createContext("/heap-report", exchange -> handle(exchange, this::serveHeapReport));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, serviceName + "-shutdown"));

    int port = server.getAddress().getPort();
    log.info(
        "{} started with a maximum heap of {} bytes; cache bytes are the {}",
        serviceName,
        Runtime.getRuntime().maxMemory(),
        store.bytesMeasure());
    System.out.println("listening on http://127.0.0.1:" + port + "/");
    System.out.flush();
    return port;
  }

  /** Stops the server, closing its connections at once; later calls do nothing. */
  void stop() {
    if (stopped.compareAndSet(false, true)) {
      server.stop(0);
      log.info("{} stopped after {} report requests", serviceName, requestsServed.get());
    }
  }

  private void serveReport(HttpExchange exchange) throws IOException {
    String id = queryParameter(exchange.getRequestURI().getRawQuery(), "id");
    if (id == null || !ID.matcher(id).matches()) {
      respondText(
          exchange,
          400,
          "missing or invalid query parameter 'id'; use 1 to 64 letters, digits or '-', as in"
              + " /report?id=42");
      return;
    }
    Report report = store.report(id);
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, report.length());
    try (OutputStream body = exchange.getResponseBody()) {
      report.writeTo(body);
    }
    requestsServed.incrementAndGet();
  }

  private void serveStats(HttpExchange exchange) throws IOException {
    System.gc();
    long heapUsedAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    ReportStore.Figures figures = store.figures();
    ServiceStats stats =
        new ServiceStats(
            requestsServed.get(),
            figures.entries(),
            figures.bytes(),
            store.maximumBytes(),
            heapUsedAfterGc,
            Runtime.getRuntime().maxMemory(),
            store.bytesMeasure());
    byte[] json = stats.toJson().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, json.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(json);
    }
  }

  private void serveHeapReport(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String format = queryParameter(query, "format");
    String live = queryParameter(query, "live");
    if (format != null && !format.equals("text") && !format.equals("json")) {
      respondText(
          exchange,
          400,
          "invalid query parameter 'format'; use text or json, as in /heap-report?format=json");
      return;
    }
    if (live != null && !live.equals("true") && !live.equals("false")) {
      respondText(
          exchange,
          400,
          "invalid query parameter 'live'; use true or false, as in /heap-report?live=false");
      return;
    }
    boolean withLiveObjects = !"false".equals(live);

    System.gc();
    if (withLiveObjects && rejectedForLowHeap(exchange)) {
      return;
    }
    HeapReport report = withLiveObjects ? heapReporter.report() : heapReporter.sample();
    if ("json".equals(format)) {
      respond(exchange, "application/json", report.toJson());
    } else {
      respond(exchange, "text/plain; charset=utf-8", report.toText());
    }
  }

  /** Responds with status 503 if less than the reserve of the heap is free after the last GC. */
  private boolean rejectedForLowHeap(HttpExchange exchange) throws IOException {
    long freeAfterGc =
        Runtime.getRuntime().maxMemory()
            - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    if (freeAfterGc >= heapReportReserveBytes) {
      return false;
    }
    log.info(
        "{} skipped a heap report: {} of heap free after GC, below the reserve of {}",
        serviceName,
        DemoTable.megabytes(freeAfterGc),
        DemoTable.megabytes(heapReportReserveBytes));
    respondText(
        exchange,
        503,
        "heap report skipped: "
            + DemoTable.megabytes(freeAfterGc)
            + " of heap free after GC, below the "
            + DemoTable.megabytes(heapReportReserveBytes)
            + " that a report with the live-objects view needs; request"
            + " /heap-report?live=false for a report without it");
    return true;
  }

  private void handle(HttpExchange exchange, Handler handler) {
    String path = exchange.getRequestURI().getPath();
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        respondText(exchange, 405, "method not allowed; use GET");
        return;
      }
      handler.handle(exchange);
    } catch (IOException e) {
      log.warn("{} failed to send the response to GET {}", serviceName, path, e);
    } catch (RuntimeException e) {
      log.error("{} failed on GET {}", serviceName, path, e);
      respondInternalError(exchange, path);
    } finally {
      exchange.close();
    }
  }

  private void respondInternalError(HttpExchange exchange, String path) {
    try {
      respondText(exchange, 500, "internal error; see the service log");
    } catch (IOException e) {
      // The status line was sent before the failure, so the client sees a truncated response.
      log.debug("{} could not send status 500 for GET {}", serviceName, path, e);
    }
  }

  private static void respond(HttpExchange exchange, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respondText(HttpExchange exchange, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  /** A request handler that may fail with an {@link IOException}. */
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }
}
