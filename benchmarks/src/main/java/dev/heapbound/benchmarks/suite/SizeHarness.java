package dev.heapbound.benchmarks.suite;

import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Measures every graph with every estimator of one {@link JvmSetup}, in the running JVM, and prints
 * one {@link SizeFigure} line for each. The suite starts one JVM per setup with that setup's flags.
 *
 * <p>Run: {@code java <flags> -cp benchmarks/target/benchmarks.jar
 * dev.heapbound.benchmarks.suite.SizeHarness NO_FLAGS}
 */
public final class SizeHarness {

  private SizeHarness() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "missing JVM setup argument: expected one of "
              + List.of(JvmSetup.values())
              + ", found "
              + args.length
              + " arguments");
    }
    for (SizeFigure figure : measure(JvmSetup.valueOf(args[0]))) {
      System.out.println(figure.toLine());
    }
  }

  /** Measures a new instance of every graph with each estimator of the setup. */
  public static List<SizeFigure> measure(JvmSetup setup) {
    List<SizeFigure> figures = new ArrayList<>();
    for (SizeTool tool : setup.tools()) {
      ToLongFunction<Object> deepSize;
      try {
        deepSize = tool.create();
      } catch (RuntimeException e) {
        for (Graph graph : Graph.values()) {
          figures.add(SizeFigure.failed(setup, tool, graph, e));
        }
        continue;
      }
      for (Graph graph : Graph.values()) {
        figures.add(measure(setup, tool, deepSize, graph));
      }
    }
    return figures;
  }

  private static SizeFigure measure(
      JvmSetup setup, SizeTool tool, ToLongFunction<Object> deepSize, Graph graph) {
    try {
      return SizeFigure.measured(setup, tool, graph, deepSize.applyAsLong(graph.create()));
    } catch (RuntimeException e) {
      return SizeFigure.failed(setup, tool, graph, e);
    }
  }
}
