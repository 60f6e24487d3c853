package dev.heapbound.benchmarks.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed sequence of boxed keys, built before a trial so that the timed code neither boxes nor
 * draws random numbers. Benchmark threads walk it from a random start.
 */
final class KeySequence {

  /** The length of every sequence, a power of two so that an index wraps with a mask. */
  static final int LENGTH = 1 << 20;

  /** The exponent of the Zipf distribution, the YCSB default. */
  static final double ZIPF_EXPONENT = 0.99;

  private static final long SEED = 20_260_401L;

  private final Integer[] keys;

  private KeySequence(Integer[] keys) {
    this.keys = keys;
  }

  /**
   * Returns a sequence over {@code distinct} keys in which key popularity follows a Zipf
   * distribution: a few keys are requested most of the time, as in a real cache.
   */
  static KeySequence zipf(int distinct) {
    double[] cumulative = new double[distinct];
    double total = 0;
    for (int rank = 0; rank < distinct; rank++) {
      total += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
      cumulative[rank] = total;
    }
    Integer[] byRank = shuffledKeys(distinct);
    Random random = new Random(SEED);
    Integer[] keys = new Integer[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      int rank = Arrays.binarySearch(cumulative, random.nextDouble() * total);
      keys[i] = byRank[rank < 0 ? -rank - 1 : rank];
    }
    return new KeySequence(keys);
  }

  /** Returns a sequence over {@code distinct} keys, each as likely as any other. */
  static KeySequence uniform(int distinct) {
    Integer[] all = shuffledKeys(distinct);
    Random random = new Random(SEED);
    Integer[] keys = new Integer[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      keys[i] = all[random.nextInt(distinct)];
    }
    return new KeySequence(keys);
  }

  /** Returns the key at {@code index}, wrapped to the sequence length. */
  Integer get(int index) {
    return keys[index & (LENGTH - 1)];
  }

  /** Returns every distinct key of the sequence, most requested first. */
  List<Integer> distinctByFrequency() {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Integer key : keys) {
      counts.merge(key, 1, Integer::sum);
    }
    List<Integer> distinct = new ArrayList<>(counts.keySet());
    distinct.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
    return distinct;
  }

  private static Integer[] shuffledKeys(int distinct) {
    List<Integer> all = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      // Distinct from the Integer cache of -128 to 127, so that every key is its own object.
      all.add(Integer.valueOf(1_000 + i));
    }
    Collections.shuffle(all, new Random(SEED));
    return all.toArray(new Integer[0]);
  }
}
