package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import java.util.OptionalLong;

/**
 * The result of one estimator on one graph under one JVM setup: a size in bytes, or the failure
 * that stopped it. Figures travel from the harness JVMs to the suite as tab-separated lines.
 *
 * @param setup the JVM flags the estimator ran under
 * @param tool the estimator
 * @param graph the graph measured
 * @param bytes the deep size, empty when the estimator failed
 * @param failure the exception type and message when it failed, or {@code null}
 */
public record SizeFigure(
    JvmSetup setup, SizeTool tool, Graph graph, OptionalLong bytes, String failure) {

  private static final int MAX_FAILURE_LENGTH = 200;

  /** Returns the figure of a measurement that succeeded. */
  public static SizeFigure measured(JvmSetup setup, SizeTool tool, Graph graph, long bytes) {
    return new SizeFigure(setup, tool, graph, OptionalLong.of(bytes), null);
  }

  /** Returns the figure of a measurement that threw, with a one-line, shortened message. */
  public static SizeFigure failed(JvmSetup setup, SizeTool tool, Graph graph, Throwable failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    message = message.replaceAll("\\s+", " ");
    if (message.length() > MAX_FAILURE_LENGTH) {
      message = message.substring(0, MAX_FAILURE_LENGTH) + "...";
    }
    return new SizeFigure(setup, tool, graph, OptionalLong.empty(), message);
  }

  /** Parses a line that {@link #toLine()} wrote. */
  public static SizeFigure parse(String line) {
    String[] fields = line.split("\t", 5);
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "invalid size figure line: expected 5 tab-separated fields, found " + fields.length);
    }
    JvmSetup setup = JvmSetup.valueOf(fields[1]);
    SizeTool tool = SizeTool.valueOf(fields[2]);
    Graph graph = Graph.valueOf(fields[3]);
    if (fields[0].equals("bytes")) {
      return measured(setup, tool, graph, Long.parseLong(fields[4]));
    }
    return new SizeFigure(setup, tool, graph, OptionalLong.empty(), fields[4]);
  }

  /**
   * Formats the figure as one tab-separated line that starts with {@code bytes} or {@code failure}.
   */
  public String toLine() {
    String value = bytes.isPresent() ? Long.toString(bytes.getAsLong()) : failure;
    return String.join(
        "\t",
        bytes.isPresent() ? "bytes" : "failure",
        setup.name(),
        tool.name(),
        graph.name(),
        value);
  }
}
