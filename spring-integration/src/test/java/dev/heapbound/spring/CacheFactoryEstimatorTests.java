package dev.heapbound.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.SizeEstimator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class CacheFactoryEstimatorTests {

  record ReportWithService(String id, Object service) {}

  @Test
  void defaultEstimator_doesNotWalkIntoApplicationContext() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean("payload", byte[].class, () -> new byte[1 << 20]);
      context.refresh();
      context.getBean("payload");
      ReportWithService value = new ReportWithService("r-1", context);

      long charged = CacheFactory.DEFAULT_ESTIMATOR.deepSize(value);

      assertThat(SizeEstimator.defaults().deepSize(value)).isGreaterThan(1 << 20);
      assertThat(charged).isLessThan(1024);
    }
  }
}
