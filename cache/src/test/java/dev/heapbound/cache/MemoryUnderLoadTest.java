package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.cache.child.ByteBurst;
import dev.heapbound.cache.child.SaturatedWeight;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory behaviour that only a child JVM with a heap of its own can show. */
class MemoryUnderLoadTest {

  @Test
  void byteBurst_neverRunsOutOfMemory() throws Exception {
    for (int run = 1; run <= 10; run++) {
      ChildJvm.Result result = ChildJvm.run("96m", ByteBurst.class, "24MB", "300");

      assertThat(result.exitCode()).as("run %d output:%n%s", run, result.output()).isZero();
      assertThat(result.value("outcome")).as("run %d", run).isEqualTo("finished");
      assertThat(Long.parseLong(result.value("weightedBytes")))
          .as("run %d", run)
          .isLessThanOrEqualTo(24L << 20);
    }
  }

  @Test
  void graphOverIntegerMaxValue_saturatesWeight() throws Exception {
    ChildJvm.Result result = ChildJvm.run(List.of("-Xmx3g", "-XX:+UseG1GC"), SaturatedWeight.class);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(Long.parseLong(result.value("deepSize"))).isGreaterThan(Integer.MAX_VALUE);
    assertThat(result.value("weightedBytes")).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    assertThat(result.value("entries")).isEqualTo("1");
  }
}
