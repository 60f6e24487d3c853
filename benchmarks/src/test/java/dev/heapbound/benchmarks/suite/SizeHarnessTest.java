package dev.heapbound.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.benchmarks.graph.Graph;
import dev.heapbound.benchmarks.size.SizeTool;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Runs the size harness in the test JVM, which opens {@code java.base} and sets JOL's flag, so the
 * figures are those of the opened setup whatever the setup's name.
 */
class SizeHarnessTest {

  @Test
  void measure_coversEveryToolAndGraph() {
    List<SizeFigure> figures = SizeHarness.measure(JvmSetup.NO_FLAGS);

    assertThat(figures).hasSize(JvmSetup.NO_FLAGS.tools().size() * Graph.values().length);
    assertThat(figures)
        .allSatisfy(
            figure -> {
              if (figure.bytes().isPresent()) {
                assertThat(figure.bytes().getAsLong()).isPositive();
              } else {
                assertThat(figure.failure()).isNotBlank();
              }
            });
  }

  @Test
  void measure_heapboundEqualsJolOnEveryGraph() {
    List<SizeFigure> figures = SizeHarness.measure(JvmSetup.NO_FLAGS);

    for (Graph graph : Graph.values()) {
      long jol = GraphLayout.parseInstance(graph.create()).totalSize();
      assertThat(bytes(figures, SizeTool.HEAPBOUND, graph)).as(graph.name()).hasValue(jol);
      assertThat(bytes(figures, SizeTool.JOL, graph)).as(graph.name()).hasValue(jol);
    }
  }

  @Test
  void measure_recordsToolStartFailures() {
    List<SizeFigure> figures = SizeHarness.measure(JvmSetup.JAMM_AGENT);

    assertThat(figures).hasSize(Graph.values().length);
    assertThat(figures)
        .allSatisfy(
            figure ->
                assertThat(figure.failure())
                    .isEqualTo(
                        "IllegalStateException: jamm's instrumentation strategy needs its agent;"
                            + " start the JVM with -javaagent:benchmarks/target/benchmarks.jar"));
  }

  @Test
  void parse_readsWhatToLineWrote() {
    SizeFigure measured =
        SizeFigure.measured(JvmSetup.OPENED, SizeTool.JOL, Graph.HASH_MAP, 216_256);
    SizeFigure failed =
        SizeFigure.failed(
            JvmSetup.NO_FLAGS,
            SizeTool.JOL,
            Graph.RECORD_REPORT,
            new RuntimeException("Cannot get the field offset,\n try again"));

    assertThat(SizeFigure.parse(measured.toLine())).isEqualTo(measured);
    assertThat(SizeFigure.parse(failed.toLine())).isEqualTo(failed);
    assertThat(failed.failure())
        .isEqualTo("RuntimeException: Cannot get the field offset, try again");
  }

  private static OptionalLong bytes(List<SizeFigure> figures, SizeTool tool, Graph graph) {
    return figures.stream()
        .filter(f -> f.tool() == tool && f.graph() == graph)
        .findFirst()
        .orElseThrow()
        .bytes();
  }
}
