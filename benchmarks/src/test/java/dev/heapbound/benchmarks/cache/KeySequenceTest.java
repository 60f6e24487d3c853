package dev.heapbound.benchmarks.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySequenceTest {

  @Test
  void zipf_favoursFewKeys() {
    KeySequence sequence = KeySequence.zipf(1 << 16);

    List<Integer> byFrequency = sequence.distinctByFrequency();
    int top = count(sequence).get(byFrequency.get(0));

    // With exponent 0.99 over 65,536 keys the top key draws about 8 % of all requests.
    assertThat(top).isGreaterThan(KeySequence.LENGTH / 20);
    assertThat(byFrequency.size()).isLessThan(1 << 16);
  }

  @Test
  void uniform_spreadsRequestsEvenly() {
    KeySequence sequence = KeySequence.uniform(1_024);

    Map<Integer, Integer> counts = count(sequence);

    assertThat(counts).hasSize(1_024);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1_250));
  }

  @Test
  void get_wrapsIndexesBeyondTheLength() {
    KeySequence sequence = KeySequence.uniform(1_024);

    assertThat(sequence.get(KeySequence.LENGTH + 5)).isSameAs(sequence.get(5));
  }

  private static Map<Integer, Integer> count(KeySequence sequence) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < KeySequence.LENGTH; i++) {
      counts.merge(sequence.get(i), 1, Integer::sum);
    }
    return counts;
  }
}
