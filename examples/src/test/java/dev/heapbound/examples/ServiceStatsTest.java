package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceStatsTest {

  @Test
  void parse_readsWhatToJsonWrites() {
    ServiceStats stats =
        new ServiceStats(150, 16, 16_000_512, 16_777_216, 22_000_000, 67_108_864, "weighted size");

    assertThat(ServiceStats.parse(stats.toJson())).isEqualTo(stats);
  }

  @Test
  void toJson_writesFlatObject() {
    ServiceStats stats = new ServiceStats(1, 2, 3, -1, 5, 6, "deep size");

    assertThat(stats.toJson())
        .isEqualTo(
            "{\"requestsServed\":1,\"entries\":2,\"cacheBytes\":3,\"maximumCacheBytes\":-1,"
                + "\"heapUsedAfterGc\":5,\"maxHeap\":6,\"cacheBytesMeasure\":\"deep size\"}");
  }

  @Test
  void parse_rejectsMissingField() {
    assertThatThrownBy(() -> ServiceStats.parse("{\"requestsServed\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid stats response: field 'entries' is missing; expected the JSON of /stats");
  }
}
