package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports preset under memory pressure, in child JVMs with a 64 MB heap: a cache of 30 MB of
 * reports, then 38 MB of other live data. Soft values must yield so that both fit. A cache with the
 * same byte bound and strong values must run out of memory, which shows that the pressure is real.
 */
class ReportsPresetMemoryPressureTest {

  private static final int OUT_OF_MEMORY_EXIT_CODE = 3;

  private static ChildRun soft;

  @BeforeAll
  static void runSoftChild() throws Exception {
    soft = runChild("soft");
  }

  @Test
  void reportsPreset_survivesPressure() {
    assertThat(soft.exitCode()).as(soft.output()).isZero();
    assertThat(soft.output()).doesNotContain("OutOfMemoryError");
  }

  @Test
  void reportsPreset_fillsBeforePressure() {
    assertThat(soft.figure("filled.entries"))
        .as(soft.output())
        .isEqualTo(ReportsPresetPressureMain.REPORTS_FILLED);
  }

  @Test
  void reportsPreset_yieldsUnderPressure() {
    assertThat(soft.figure("held.bytes"))
        .as(soft.output())
        .isGreaterThanOrEqualTo(ReportsPresetPressureMain.PRESSURE_BYTES);
    assertThat(soft.figure("pressure.entries"))
        .as(soft.output())
        .isLessThan(soft.figure("filled.entries"));
    assertThat(soft.figure("pressure.evictions")).as(soft.output()).isPositive();
  }

  @Test
  void reportsPreset_byteBoundHoldsAfterCleanUp() {
    assertThat(soft.figure("filled.bytes"))
        .as(soft.output())
        .isLessThanOrEqualTo(ReportsPresetPressureMain.MAXIMUM_BYTES);
    assertThat(soft.figure("pressure.bytes"))
        .as(soft.output())
        .isLessThanOrEqualTo(ReportsPresetPressureMain.MAXIMUM_BYTES);
    assertThat(soft.figure("bound.bytes"))
        .as(soft.output())
        .isLessThanOrEqualTo(ReportsPresetPressureMain.MAXIMUM_BYTES);
    assertThat(soft.figure("bound.entries"))
        .as(soft.output())
        .isLessThanOrEqualTo(
            ReportsPresetPressureMain.MAXIMUM_BYTES / ReportsPresetPressureMain.REPORT_BYTES);
    assertThat(soft.figure("bound.entries")).as(soft.output()).isPositive();
  }

  @Test
  void strongValues_runOutOfMemory() throws Exception {
    ChildRun strong = runChild("strong");

    assertThat(strong.exitCode()).as(strong.output()).isEqualTo(OUT_OF_MEMORY_EXIT_CODE);
    assertThat(strong.output()).contains("filled.entries=30").contains("OutOfMemoryError");
  }

  private static ChildRun runChild(String mode) throws IOException, InterruptedException {
    ChildJvm.Result result =
        ChildJvm.run(
            List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
            ReportsPresetPressureMain.class,
            mode);
    return new ChildRun(result.exitCode(), withoutDebugLines(result.output()));
  }

  /** Drops the child's debug log lines, one per eviction, so that failure messages stay short. */
  private static String withoutDebugLines(String output) {
    return output
        .lines()
        .filter(line -> !line.contains(" DEBUG "))
        .collect(Collectors.joining("\n"));
  }

  /** The exit code and output of a child JVM, with its {@code name=value} figures. */
  private record ChildRun(int exitCode, String output) {

    long figure(String name) {
      Map<String, Long> figures = new HashMap<>();
      for (String line : output.split("\\R")) {
        int equals = line.indexOf('=');
        if (equals > 0 && line.substring(equals + 1).matches("-?\\d+")) {
          figures.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
        }
      }
      assertThat(figures).as(output).containsKey(name);
      return figures.get(name);
    }
  }
}
