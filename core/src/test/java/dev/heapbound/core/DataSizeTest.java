package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

  @ParameterizedTest
  @CsvSource({
    "512, 512",
    "512B, 512",
    "64KB, 65536",
    "64k, 65536",
    "256MB, 268435456",
    "256m, 268435456",
    "1GB, 1073741824",
    "1g, 1073741824",
    "' 2 MB ', 2097152",
    "1TB, 1099511627776"
  })
  void parse_acceptsUnits(String text, long bytes) {
    assertThat(DataSize.parse(text).toBytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MB", "-1MB", "1.5MB", "12 parsecs"})
  void parse_invalidText_isRejected(String text) {
    assertThatThrownBy(() -> DataSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid data size '" + text + "'; write a whole number and a unit, such as 256MB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "9999999999TB"})
  void parse_overflow_isRejected(String text) {
    assertThatThrownBy(() -> DataSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid data size '" + text + "'; it exceeds 9223372036854775807 bytes");
  }

  @ParameterizedTest
  @CsvSource({"0, '0 bytes'", "1024, 1 KB", "1048576, 1 MB", "1048664, '1,048,664 bytes'"})
  void format_usesWholeUnitsOrBytes(long bytes, String text) {
    assertThat(DataSize.format(bytes)).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void ofBytes_negative_isRejected() {
    assertThatThrownBy(() -> DataSize.ofBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must not be negative: -1 bytes");
  }
}
