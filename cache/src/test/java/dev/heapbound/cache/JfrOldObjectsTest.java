package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.cache.JfrOldObjects.Chain;
import dev.heapbound.cache.JfrOldObjects.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference chains of live objects, built from paths as JFR records them. */
class JfrOldObjectsTest {

  private static final Link BODY = new Link("byte[]", null, ".body", 0);
  private static final Link REPORT = new Link("com.example.Report", null, ".value", 0);
  private static final Link NODE = new Link("java.util.HashMap$Node", null, "[7]", 0);
  private static final Link TABLE = new Link("java.util.HashMap$Node[]", null, ".table", 0);
  private static final Link MAP = new Link("java.util.HashMap", null, ".REPORTS", 0);

  @Test
  void chain_classAtRootOwnsStaticField() {
    Link service = new Link("java.lang.Class", "com.example.ReportService", null, 0);

    Chain chain =
        JfrOldObjects.chain(
            List.of(BODY, REPORT, NODE, TABLE, MAP, service), "GC root: Threads, Stack Variable");

    assertThat(chain.staticOwner()).isEqualTo("ReportService.REPORTS");
    assertThat(chain.steps())
        .containsExactly(
            "GC root: Threads, Stack Variable",
            "class com.example.ReportService",
            ".REPORTS (java.util.HashMap)",
            ".table (java.util.HashMap$Node[])",
            "[7] (java.util.HashMap$Node)",
            ".value (com.example.Report)",
            ".body (byte[])");
  }

  @Test
  void chain_classInsideChainOwnsStaticField() {
    Link service = new Link("java.lang.Class", "com.example.ReportService", ".appClass", 0);
    Link launcher = new Link("java.lang.Class", "sun.launcher.LauncherHelper", null, 0);

    Chain chain =
        JfrOldObjects.chain(
            List.of(BODY, REPORT, NODE, TABLE, MAP, service, launcher),
            "GC root: Class Loader Data");

    assertThat(chain.staticOwner()).isEqualTo("ReportService.REPORTS");
    assertThat(chain.steps())
        .startsWith(
            "GC root: Class Loader Data",
            "class sun.launcher.LauncherHelper",
            ".appClass (class com.example.ReportService)",
            ".REPORTS (java.util.HashMap)");
  }

  @Test
  void chain_withoutClassHasNoOwner() {
    Link list = new Link("java.util.ArrayList", null, null, 0);

    Chain chain =
        JfrOldObjects.chain(
            List.of(new Link("byte[]", null, "[0]", 2), list), "GC root: Threads, Stack Variable");

    assertThat(chain.staticOwner()).isNull();
    assertThat(chain.steps())
        .containsExactly(
            "GC root: Threads, Stack Variable",
            "java.util.ArrayList",
            "... 2 objects",
            "[0] (byte[])");
  }
}
