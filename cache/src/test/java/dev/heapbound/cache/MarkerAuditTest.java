package dev.heapbound.cache;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.heapbound.testsupport.MarkerAudit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

class MarkerAuditTest {

  @Test
  void audit_failsTestThatLogsMarker() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .selectors(selectClass(Leaking.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
  }

  /** Run only through the engine test kit above; Surefire skips nested classes. */
  static class Leaking {
    @Test
    void logsMarker() {
      LoggerFactory.getLogger("dev.heapbound.test").warn("leaked {}", MarkerAudit.MARKER + "1");
    }

    @Test
    void logsNothingPlanted() {
      LoggerFactory.getLogger("dev.heapbound.test").warn("cache 'x' evicted an entry");
    }
  }
}
