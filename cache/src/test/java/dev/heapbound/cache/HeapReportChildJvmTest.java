package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link HeapReportChild} in child JVMs with a 64 MB heap: one that leaks through a static map
 * and one that holds the same load in a byte-bounded cache.
 */
class HeapReportChildJvmTest {

  private static ChildOutput leaking;
  private static ChildOutput bounded;

  @BeforeAll
  static void runChildren() throws Exception {
    Process leak = start("leak");
    Process fixed = start("bounded");
    leaking = ChildOutput.of(leak);
    bounded = ChildOutput.of(fixed);
  }

  @Test
  void leakingChild_topHolderIsStaticMap() {
    assertThat(leaking.exitCode).as(leaking.all).isZero();
    String[] lines = leaking.text.split("\n");

    assertThat(lines[2]).contains("UNBOUNDED").contains("HeapReportChild.REPORTS");
    assertThat(leaking.json)
        .contains(
            "\"entries\":[{\"kind\":\"MAP\",\"name\":\"HeapReportChild.REPORTS\","
                + "\"owner\":\"HeapReportChild.REPORTS\",\"type\":\"java.util.HashMap\","
                + "\"site\":null,\"bound\":\"UNBOUNDED\",\"capacityBound\":false,"
                + "\"entries\":20,\"retainedBytes\":");
  }

  @Test
  void leakingChild_flaggedAndWarned() {
    assertThat(leaking.text)
        .contains(
            "SUSPECTED LEAK: HeapReportChild.REPORTS (UNBOUNDED) keeps growing while heap used"
                + " after GC grows");
    assertThat(leaking.all)
        .contains(
            "WARN  [main] dev.heapbound.cache.HeapReport - heap report: HeapReportChild.REPORTS"
                + " (java.util.HashMap, UNBOUNDED) grew in 3 consecutive samples to 12 entries");
  }

  @Test
  void leakingChild_namesAllocationLine() throws IOException {
    int line = lineOf("byte[] pdf = new byte[REPORT_BYTES];");

    assertThat(leaking.text)
        .contains("HeapReportChild.REPORTS holds ")
        .contains(
            " sampled byte[] allocated at dev.heapbound.cache.HeapReportChild.generate(line "
                + line
                + ")");
    assertThat(leaking.text)
        .contains("held by GC root: ")
        .contains(
            " -> class dev.heapbound.cache.HeapReportChild -> .REPORTS (java.util.HashMap) ->"
                + " .table (java.util.HashMap$Node[]) -> ");
  }

  @Test
  void boundedChild_cacheOnTopAndNotFlagged() {
    assertThat(bounded.exitCode).as(bounded.all).isZero();
    String[] lines = bounded.text.split("\n");

    assertThat(lines[2])
        .contains("maximumBytes=8 MB")
        .contains("cache 'reports' in HeapReportChild.cache");
    assertThat(bounded.json)
        .contains("\"entries\":[{\"kind\":\"CACHE\",\"name\":\"reports\"")
        .doesNotContain("\"suspected\":true");
    assertThat(bounded.text).doesNotContain("SUSPECTED LEAK");
    assertThat(bounded.all).doesNotContain("heap report: ").contains("evicted an entry (SIZE)");
  }

  @Test
  void children_printNoKeyOrValue() {
    for (ChildOutput output : List.of(leaking, bounded)) {
      assertThat(output.all)
          .contains("---JSON---")
          .doesNotContain(HeapReportChild.KEY_MARKER)
          .doesNotContain(HeapReportChild.VALUE_MARKER);
    }
  }

  private static Process start(String mode) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeapReportChild.class.getName());
    command.add(mode);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static int lineOf(String statement) throws IOException {
    Path source = Path.of("src/test/java/dev/heapbound/cache/HeapReportChild.java");
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(statement)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + source + " contains " + statement);
  }

  /** What a child printed, split into the text and JSON reports. */
  private static final class ChildOutput {
    final String all;
    final String text;
    final String json;
    final int exitCode;

    private ChildOutput(String all, int exitCode) {
      this.all = all;
      this.exitCode = exitCode;
      this.text = between(all, "---TEXT---\n", "---JSON---");
      this.json = between(all, "---JSON---\n", "\n---END---");
    }

    static ChildOutput of(Process process) throws Exception {
      byte[] bytes = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("child JVM did not finish within 120 s");
      }
      return new ChildOutput(new String(bytes, StandardCharsets.UTF_8), process.exitValue());
    }

    private static String between(String all, String start, String end) {
      int from = all.indexOf(start);
      int to = all.indexOf(end, Math.max(from, 0));
      return from < 0 || to < 0 ? "" : all.substring(from + start.length(), to);
    }
  }
}
