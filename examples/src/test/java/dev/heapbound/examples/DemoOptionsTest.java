package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapbound.core.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void parse_withoutArgumentsReturnsDefaults() {
    DemoOptions options = DemoOptions.parse();

    assertThat(options).isEqualTo(DemoOptions.defaults());
    assertThat(options.maxHeap()).isEqualTo("192m");
    assertThat(options.requests()).isEqualTo(1000);
    assertThat(options.budget()).isEqualTo(DataSize.ofMegabytes(24));
    assertThat(options.outputDirectory()).isEqualTo(Path.of("target", "demo"));
  }

  @Test
  void parse_acceptsBothOptionForms() {
    DemoOptions options =
        DemoOptions.parse("--heap", "64M", "--requests=150", "--budget", "16MB", "--timeout=5");

    assertThat(options.maxHeap()).isEqualTo("64m");
    assertThat(options.maxHeapBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(options.requests()).isEqualTo(150);
    assertThat(options.budget()).isEqualTo(DataSize.ofMegabytes(16));
    assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void parse_rejectsUnknownOption() {
    assertThatThrownBy(() -> DemoOptions.parse("--heep", "64m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --heep\n" + DemoOptions.USAGE);
  }

  @Test
  void parse_rejectsOptionWithoutValue() {
    assertThatThrownBy(() -> DemoOptions.parse("--requests"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing value for option --requests\n" + DemoOptions.USAGE);
  }

  @Test
  void parse_rejectsInvalidHeap() {
    assertThatThrownBy(() -> DemoOptions.parse("--heap", "64MB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value for --heap: '64MB'; write a whole number and k, m or g, as for -Xmx,"
                + " such as 192m");
  }

  @Test
  void parse_rejectsRequestsOutOfRange() {
    assertThatThrownBy(() -> DemoOptions.parse("--requests", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --requests: 0; expected a whole number from 1 to 100000");
  }

  @Test
  void parse_rejectsRequestsThatAreNotNumbers() {
    assertThatThrownBy(() -> DemoOptions.parse("--requests", "many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --requests: 'many'; expected a whole number");
  }

  @Test
  void parse_rejectsBudgetNotBelowHeap() {
    assertThatThrownBy(() -> DemoOptions.parse("--heap", "64m", "--budget", "64MB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value for --budget: 64 MB; it must be above 0 and below --heap 64m, or the"
                + " bounded service cannot hold it");
  }

  @Test
  void parse_acceptsIdPrefix() {
    DemoOptions options = DemoOptions.parse("--id-prefix", "R-");

    assertThat(options.idPrefix()).isEqualTo("R-");
    assertThat(DemoOptions.defaults().idPrefix()).isEmpty();
  }

  @Test
  void parse_rejectsIdPrefixWithOtherCharacters() {
    assertThatThrownBy(() -> DemoOptions.parse("--id-prefix", "R/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value for --id-prefix: 'R/'; use at most 40 letters, digits or '-', such as"
                + " R-");
  }

  @Test
  void parse_rejectsZeroTimeout() {
    assertThatThrownBy(() -> DemoOptions.parse("--timeout", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --timeout: 0; expected at least 1 second");
  }
}
