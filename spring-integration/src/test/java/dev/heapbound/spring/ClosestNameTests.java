package dev.heapbound.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTests {

  @Test
  void distance_countsSwappedNeighboursAsOneEdit() {
    assertThat(ClosestName.distance("reprots", "reports")).isEqualTo(1);
  }

  @Test
  void distance_countsInsertionsDeletionsAndReplacements() {
    assertThat(ClosestName.distance("report", "reports")).isEqualTo(1);
    assertThat(ClosestName.distance("reports", "report")).isEqualTo(1);
    assertThat(ClosestName.distance("studies", "studios")).isEqualTo(1);
    assertThat(ClosestName.distance("", "trials")).isEqualTo(6);
  }

  @Test
  void closest_picksTheNearestCandidate() {
    assertThat(ClosestName.closest("studys", List.of("reports", "studies", "trials")))
        .hasValue("studies");
  }

  @Test
  void closest_rejectsCandidatesTooFarAway() {
    assertThat(ClosestName.closest("audit", List.of("reports", "studies"))).isEmpty();
  }

  @Test
  void closest_breaksTiesByCandidateOrder() {
    assertThat(ClosestName.closest("trial", List.of("trials", "trail"))).hasValue("trials");
  }
}
