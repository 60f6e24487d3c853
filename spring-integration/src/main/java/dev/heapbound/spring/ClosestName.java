package dev.heapbound.spring;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the declared cache name closest to a mistyped one, by optimal string alignment distance:
 * the number of inserted, deleted or replaced characters and swapped neighbours, so that {@code
 * reprots} is one edit from {@code reports}.
 */
final class ClosestName {

  private ClosestName() {}

  /**
   * Returns the candidate closest to {@code name}, if one is within a third of the name's length
   * and at most two edits when the name is short. Ties go to the candidate that comes first.
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    int maxDistance = Math.max(2, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance <= maxDistance && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Returns the optimal string alignment distance between two strings, compared by char. */
  static int distance(String first, String second) {
    int[][] d = new int[first.length() + 1][second.length() + 1];
    for (int i = 0; i <= first.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= second.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= first.length(); i++) {
      for (int j = 1; j <= second.length(); j++) {
        int cost = first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped =
            i > 1
                && j > 1
                && first.charAt(i - 1) == second.charAt(j - 2)
                && first.charAt(i - 2) == second.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[first.length()][second.length()];
  }
}
