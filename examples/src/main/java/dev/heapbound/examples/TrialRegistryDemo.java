package dev.heapbound.examples;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.CachePresets;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.CacheSummary;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry of active trials, written twice: as a plain static map, which keeps a finished trial
 * forever, and as a cache built from {@link CachePresets#trials}, which lets the entry go once
 * nothing else references the trial.
 *
 * <p>Each registry gets its own instances of the same three made-up trials. The demo finishes
 * {@code TRIAL-0042}, drops the application's reference to it, and then calls {@code System.gc()}
 * until a {@link WeakReference} shows that the trials cache's instance was collected, at most
 * {@value #MAX_GC_ATTEMPTS} times. It prints both registries before and after, and exits with 0
 * only if the static map still contains the finished trial while the trials cache has dropped it
 * and kept the two trials still in use.
 */
public final class TrialRegistryDemo {

  /** The most {@code System.gc()} calls the demo makes while it waits for the collection. */
  static final int MAX_GC_ATTEMPTS = 50;

  private static final int FINISHED = 42;
  private static final int[] TRIAL_NUMBERS = {41, 42, 43};

  // The registry that leaks: a finished trial stays reachable from this static field.
  private static final Map<String, Trial> ACTIVE_TRIALS = new HashMap<>();

  private TrialRegistryDemo() {}

  /** Runs the demo and exits with 0 if both registries behaved as described, 1 otherwise. */
  public static void main(String[] args) {
    TrialDemoResult result = run(System.out);
    if (result.failureReason().isPresent()) {
      System.out.println("demo failed: " + result.failureReason().get());
      System.exit(1);
    }
    System.out.println(
        "the static map kept " + Trial.id(FINISHED) + "; the trials preset let it go");
  }

  /** Runs the demo, printing both registries to {@code out}, and returns what it saw. */
  static TrialDemoResult run(PrintStream out) {
    // A second run in the same JVM starts from an empty static map, as a fresh JVM would.
    ACTIVE_TRIALS.clear();
    CacheRegistry registry = new CacheRegistry();
    Cache<String, Trial> trials = CachePresets.trials("trials").registry(registry).build();

    List<Trial> inUseByMapService = register(ACTIVE_TRIALS::put);
    List<Trial> inUseByCacheService = register(trials::put);
    out.println("three trials in progress, each referenced by the application:");
    List<String> mapBefore = print(out, "static HashMap", ACTIVE_TRIALS.keySet());
    List<String> cacheBefore = print(out, "trials preset", trials.asMap().keySet());
    boolean equalIdHits = trials.getIfPresent(Trial.id(TRIAL_NUMBERS[0])) != null;
    out.println(
        "  lookup in the trials preset with an equal id string "
            + Trial.id(TRIAL_NUMBERS[0])
            + ": "
            + (equalIdHits ? "hit" : "miss"));

    WeakReference<Trial> finishedInMap = finish(inUseByMapService);
    WeakReference<Trial> finishedInCache = finish(inUseByCacheService);
    out.println(Trial.id(FINISHED) + " finished; the application no longer references it");
    int gcCalls = collect(finishedInCache);
    trials.cleanUp();
    out.println("after " + gcCalls + " System.gc() call(s):");
    List<String> mapAfter = print(out, "static HashMap", ACTIVE_TRIALS.keySet());
    List<String> cacheAfter = print(out, "trials preset", trials.asMap().keySet());
    for (CacheSummary summary : registry.caches()) {
      out.printf(
          "  registry: cache '%s' (%s), %d entries, %d evictions%n",
          summary.name(), summary.bounds(), summary.entries(), summary.evictions());
    }

    Reference.reachabilityFence(inUseByMapService);
    Reference.reachabilityFence(inUseByCacheService);
    return new TrialDemoResult(
        Trial.id(FINISHED),
        mapBefore,
        cacheBefore,
        mapAfter,
        cacheAfter,
        equalIdHits,
        finishedInMap.get() != null,
        finishedInCache.get() == null,
        gcCalls);
  }

  /** Creates fresh instances of the trials, registers each, and returns them as "in use". */
  private static List<Trial> register(Registrar registrar) {
    List<Trial> inUse = new ArrayList<>();
    for (int number : TRIAL_NUMBERS) {
      Trial trial = new Trial(Trial.id(number), "ePRO diary study " + number);
      registrar.register(trial.id(), trial);
      inUse.add(trial);
    }
    return inUse;
  }

  /** Removes the finished trial from the in-use list and returns a signal of its collection. */
  private static WeakReference<Trial> finish(List<Trial> inUse) {
    String finishedId = Trial.id(FINISHED);
    Trial finished =
        inUse.stream().filter(trial -> trial.id().equals(finishedId)).findFirst().orElseThrow();
    inUse.remove(finished);
    return new WeakReference<>(finished);
  }

  /** Calls {@code System.gc()} until the signal clears, at most {@value #MAX_GC_ATTEMPTS} times. */
  private static int collect(WeakReference<?> signal) {
    int calls = 0;
    while (signal.get() != null && calls < MAX_GC_ATTEMPTS) {
      System.gc();
      calls++;
    }
    return calls;
  }

  private static List<String> print(PrintStream out, String label, Collection<String> ids) {
    List<String> sorted = ids.stream().sorted().toList();
    out.printf("  %-15s %d trials: %s%n", label, sorted.size(), String.join(", ", sorted));
    return sorted;
  }

  /** Registers a trial by id in one of the two registries. */
  private interface Registrar {
    void register(String id, Trial trial);
  }
}
