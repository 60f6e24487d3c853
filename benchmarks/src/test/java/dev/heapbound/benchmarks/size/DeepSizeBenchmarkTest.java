package dev.heapbound.benchmarks.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapbound.benchmarks.graph.Graph;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jol.info.GraphLayout;

/**
 * Runs each deep-size benchmark's setup and one measurement, without JMH, in a test JVM that opens
 * {@code java.base} for JOL (see the module's surefire configuration). Nothing here is timed.
 */
class DeepSizeBenchmarkTest {

  static Stream<Arguments> benchmarksAndGraphs() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Graph graph : Graph.values()) {
      cases.add(Arguments.of("heapbound", new HeapboundDeepSizeBenchmark(), graph));
      cases.add(Arguments.of("JOL opened", new JolOpenedDeepSizeBenchmark(), graph));
      cases.add(Arguments.of("jamm", new JammDeepSizeBenchmark(), graph));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0}, {2}")
  @MethodSource("benchmarksAndGraphs")
  void deepSize_equalsJol(String tool, DeepSizeBenchmark benchmark, Graph graph) {
    benchmark.graph = graph;
    benchmark.setUp();

    long expected = GraphLayout.parseInstance(benchmark.root()).totalSize();

    assertThat(benchmark.deepSize()).as(tool).isEqualTo(expected);
  }

  @Test
  void setUp_failsOnUnmeasurableGraph() {
    // Without self-attach Ehcache's sizeof falls back to its Unsafe engine, which rejects records.
    EhcacheSizeOfDeepSizeBenchmark benchmark = new EhcacheSizeOfDeepSizeBenchmark();
    benchmark.graph = Graph.RECORD_REPORT;

    assertThatThrownBy(benchmark::setUp)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("can't get field offset on a record class");
  }

  @Test
  void jammAgent_failsWithoutAgent() {
    JammAgentDeepSizeBenchmark benchmark = new JammAgentDeepSizeBenchmark();
    benchmark.graph = Graph.CLASS_REPORT;

    assertThatThrownBy(benchmark::setUp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "jamm's instrumentation strategy needs its agent; start the JVM with"
                + " -javaagent:benchmarks/target/benchmarks.jar");
  }
}
