package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SelfCheckTest {

  @Test
  void current_passesOnThisJvm() {
    SelfCheck check = SelfCheck.current();

    assertThat(check.failures()).isEmpty();
    assertThat(check.passed()).isTrue();
    assertThatCode(SelfCheck::requirePassed).doesNotThrowAnyException();
  }

  @Test
  void run_estimatorThatSkipsJdkFields_fails() {
    SelfCheck check = SelfCheck.run(object -> 24);

    assertThat(check.passed()).isFalse();
    assertThat(check.failures())
        .contains("a 1048576-character String measured 24 bytes, expected 1,048,592 to 1,048,768");
    assertThat(check.describeFailure())
        .startsWith("the size estimator failed its self-check on ")
        .endsWith("so bound the cache with maximumSize instead");
  }

  @Test
  void run_estimatorThatCountsTwice_fails() {
    SelfCheck check = SelfCheck.run(object -> 2 * SizeEstimator.defaults().deepSize(object));

    assertThat(check.passed()).isFalse();
    assertThat(check.failures()).hasSize(4);
  }
}
