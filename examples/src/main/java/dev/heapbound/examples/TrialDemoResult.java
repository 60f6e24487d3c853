package dev.heapbound.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contents of both registries in a {@link TrialRegistryDemo} run, before and after the garbage
 * collection.
 *
 * @param finishedId the id of the trial that finished
 * @param mapBefore the ids in the static map before the collection, sorted
 * @param cacheBefore the ids in the trials cache before the collection, sorted
 * @param mapAfter the ids in the static map after the collection, sorted
 * @param cacheAfter the ids in the trials cache after the collection and {@code cleanUp()}, sorted
 * @param equalIdHits whether a lookup with an equal but distinct id string hit the trials cache
 * @param mapPinsFinished whether the static map's instance of the finished trial was still alive
 * @param cacheReleasedFinished whether the trials cache's instance of the finished trial was
 *     collected
 * @param gcCalls the {@code System.gc()} calls made
 */
record TrialDemoResult(
    String finishedId,
    List<String> mapBefore,
    List<String> cacheBefore,
    List<String> mapAfter,
    List<String> cacheAfter,
    boolean equalIdHits,
    boolean mapPinsFinished,
    boolean cacheReleasedFinished,
    int gcCalls) {

  /** Returns what did not behave as described, in one line, or empty if everything did. */
  Optional<String> failureReason() {
    List<String> reasons = new ArrayList<>();
    if (!mapAfter.contains(finishedId) || !mapPinsFinished) {
      reasons.add("the static map no longer holds " + finishedId);
    }
    if (!cacheReleasedFinished) {
      reasons.add(
          "the trials cache's "
              + finishedId
              + " was not collected after "
              + gcCalls
              + " System.gc() calls");
    }
    if (cacheAfter.contains(finishedId)) {
      reasons.add("the trials cache still lists " + finishedId + " after cleanUp()");
    }
    List<String> stillInUse = new ArrayList<>(cacheBefore);
    stillInUse.remove(finishedId);
    if (!cacheAfter.containsAll(stillInUse)) {
      reasons.add("the trials cache lost a trial that is still in use: it lists " + cacheAfter);
    }
    if (!equalIdHits) {
      reasons.add("a lookup with an equal id string missed the trials cache");
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }
}
