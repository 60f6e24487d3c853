package dev.heapbound.examples;

import dev.heapbound.examples.ServiceRun.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a demo run's samples as {@value #CSV_NAME} and a line chart of heap used after GC as
 * {@value #SVG_NAME}, a hand-written SVG that any browser opens.
 */
final class SeriesFiles {

  static final String CSV_NAME = "series.csv";
  static final String SVG_NAME = "heap.svg";

  static final String CSV_HEADER =
      "service,requests_served,heap_used_after_gc_bytes,max_heap_bytes,entries,cache_bytes,"
          + "maximum_cache_bytes";

  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final double MEGABYTE = 1024.0 * 1024.0;
  private static final String LEAKING_COLOR = "#d62728";
  private static final String BOUNDED_COLOR = "#1f77b4";

  private SeriesFiles() {}

  /**
   * Writes both files into {@code directory}, creating it if needed, and returns their paths.
   *
   * @throws IOException if the directory or a file cannot be written
   */
  static List<Path> write(DemoResult result, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path csv = directory.resolve(CSV_NAME);
    Files.writeString(csv, csv(result), StandardCharsets.UTF_8);
    Path svg = directory.resolve(SVG_NAME);
    Files.writeString(svg, svg(result), StandardCharsets.UTF_8);
    return List.of(csv, svg);
  }

  /** Formats the samples of both services, one row per sample. */
  static String csv(DemoResult result) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (ServiceRun run : List.of(result.leaking(), result.bounded())) {
      for (ServiceStats sample : run.samples()) {
        csv.append(run.name())
            .append(',')
            .append(sample.requestsServed())
            .append(',')
            .append(sample.heapUsedAfterGc())
            .append(',')
            .append(sample.maxHeap())
            .append(',')
            .append(sample.entries())
            .append(',')
            .append(sample.cacheBytes())
            .append(',')
            .append(sample.maximumCacheBytes())
            .append('\n');
      }
    }
    return csv.toString();
  }

  /** Draws heap used after GC against requests served for both services, with the maximum heap. */
  static String svg(DemoResult result) {
    double maxHeapMegabytes = result.options().maxHeapBytes() / MEGABYTE;
    Scale scale = new Scale(result.options().requests(), maxHeapMegabytes * 1.1);
    StringBuilder svg = new StringBuilder();
    svg.append(
            format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT))
        .append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT))
        .append(
            format(
                "<text x=\"%d\" y=\"24\" font-size=\"16\">Heap used after GC, -Xmx%s, %d"
                    + " requests</text>%n",
                LEFT, result.options().maxHeap(), result.options().requests()));
    axes(svg, scale);
    limit(
        svg,
        scale,
        maxHeapMegabytes,
        "#000000",
        "max heap " + DemoTable.megabytes(result.options().maxHeapBytes()));
    limit(
        svg,
        scale,
        result.options().budget().toBytes() / MEGABYTE,
        BOUNDED_COLOR,
        "cache budget " + result.options().budget());
    series(
        svg,
        scale,
        maxHeapMegabytes,
        result.leaking(),
        LEAKING_COLOR,
        "leaking: static HashMap",
        0);
    series(
        svg,
        scale,
        maxHeapMegabytes,
        result.bounded(),
        BOUNDED_COLOR,
        "bounded: reports preset",
        1);
    return svg.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder svg, Scale scale) {
    int bottom = HEIGHT - BOTTOM;
    svg.append(
        format(
            "<path d=\"M%d %d V%d H%d\" stroke=\"#333\" fill=\"none\"/>%n",
            LEFT, TOP, bottom, WIDTH - RIGHT));
    double xStep = niceStep(scale.maxX);
    for (double x = 0; x <= scale.maxX; x += xStep) {
      svg.append(
          format(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n",
              scale.x(x), bottom + 18, x));
    }
    double yStep = niceStep(scale.maxY);
    for (double y = 0; y <= scale.maxY; y += yStep) {
      svg.append(
              format(
                  "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                  LEFT, WIDTH - RIGHT, scale.y(y), scale.y(y)))
          .append(
              format(
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                  LEFT - 6, scale.y(y) + 4, y));
    }
    svg.append(
            format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">requests served</text>%n",
                LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 20))
        .append(
            format(
                "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\""
                    + " text-anchor=\"middle\">heap used after GC, MB</text>%n",
                TOP + (bottom - TOP) / 2, TOP + (bottom - TOP) / 2));
  }

  private static void limit(
      StringBuilder svg, Scale scale, double megabytes, String color, String label) {
    svg.append(
            format(
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-dasharray=\"6 4\"/>%n",
                LEFT, WIDTH - RIGHT, scale.y(megabytes), scale.y(megabytes), color))
        .append(
            format(
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
                WIDTH - RIGHT - 4, scale.y(megabytes) - 4, color, label));
  }

  private static void series(
      StringBuilder svg,
      Scale scale,
      double maxHeapMegabytes,
      ServiceRun run,
      String color,
      String label,
      int index) {
    StringBuilder points = new StringBuilder();
    for (ServiceStats sample : run.samples()) {
      points.append(
          format(
              "%.1f,%.1f ",
              scale.x(sample.requestsServed()), scale.y(sample.heapUsedAfterGc() / MEGABYTE)));
    }
    svg.append(
        format(
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
            points.toString().trim(), color));
    // Below the max heap line and right of where the leaking line climbs, in most runs.
    double legendY = TOP + (HEIGHT - TOP - BOTTOM) * 0.35 + index * 20;
    double legendX = LEFT + (WIDTH - LEFT - RIGHT) * 0.4;
    svg.append(
            format(
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n",
                legendX, legendX + 24, legendY - 4, legendY - 4, color))
        .append(
            format(
                "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s: %s</text>%n",
                legendX + 30, legendY, color, label, escape(run.outcome().toString())));
    if (run.outcome().kind() == Kind.OUT_OF_MEMORY) {
      // The JVM died when the heap was full: mark the point on the max heap line.
      svg.append(
          format(
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\""
                  + " font-size=\"16\">&#x2715;</text>%n",
              scale.x(run.requestsServed()), scale.y(maxHeapMegabytes) + 5, color));
    }
  }

  private static double niceStep(double range) {
    double rough = range / 8;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * magnitude >= rough) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Maps requests and megabytes to the chart's pixels. */
  private record Scale(double maxX, double maxY) {

    double x(double requests) {
      return LEFT + requests / maxX * (WIDTH - LEFT - RIGHT);
    }

    double y(double megabytes) {
      return HEIGHT - BOTTOM - megabytes / maxY * (HEIGHT - TOP - BOTTOM);
    }
  }
}
