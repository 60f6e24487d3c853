package dev.heapbound.cache;

import dev.heapbound.core.CallSite;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One structure in a {@link HeapReport}: a registered cache, or a map or collection that the
 * reporter watches. It names the structure and gives its figures, and never shows a key or a value.
 *
 * @param kind whether this is a cache, a map or a collection
 * @param name the cache's name, the name given to {@link HeapReporter#watch}, or {@code
 *     Class.field} for a static field
 * @param owner the static field that holds the structure, as {@code Class.field}, or {@code null}
 *     when none of the scanned classes holds it
 * @param type the structure's class, as in {@code java.util.HashMap}; for a cache, {@code cache}
 * @param site where the structure was created: for a cache the call that built it, for a watched
 *     structure the call to {@code watch}, and for a static field {@code null}
 * @param bound the cache's bounds as in {@code maximumBytes=64 MB, softValues}, or {@code
 *     UNBOUNDED}, which every watched map and collection is
 * @param capacityBound whether a bound on entries, bytes or weight limits the structure's growth
 * @param entries the number of entries, exact after the cache's pending maintenance
 * @param retainedBytes the bytes the structure keeps alive: its deep size for a map or collection,
 *     the weight of its entries for a cache with {@code maximumBytes}, and the deep size of its
 *     keys and values for any other cache
 * @param estimate whether {@code retainedBytes} was extrapolated from a sample of entries or
 *     stopped at the estimator's object budget
 * @param heapShare {@code retainedBytes} as a share of heap used after the last GC, from 0 up, or
 *     {@code NaN} when heap use is not known
 * @param growthBytes the change in retained bytes since the previous report, empty in the first
 * @param growthEntries the change in entries since the previous report, empty in the first
 * @param hitRate the share of lookups that hit, for a cache with at least one lookup
 * @param evictionsByCause for a cache, the entries removed by each cause, such as {@code SIZE},
 *     {@code EXPIRED} or {@code COLLECTED}; causes without evictions are left out
 * @param suspected whether the leak-suspicion rule flags the structure
 * @param liveObjects the allocation sites of still-live objects that the structure holds, from the
 *     live-objects view; empty without it
 */
public record HeapReportEntry(
    Kind kind,
    String name,
    String owner,
    String type,
    CallSite site,
    String bound,
    boolean capacityBound,
    long entries,
    long retainedBytes,
    boolean estimate,
    double heapShare,
    OptionalLong growthBytes,
    OptionalLong growthEntries,
    OptionalDouble hitRate,
    Map<String, Long> evictionsByCause,
    boolean suspected,
    List<LiveObjects.Site> liveObjects) {

  /** The kind of structure an entry describes. */
  public enum Kind {
    CACHE,
    MAP,
    COLLECTION
  }

  /** The bound of every watched map and collection. */
  public static final String UNBOUNDED = "UNBOUNDED";

  public HeapReportEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bound, "bound");
    evictionsByCause = Map.copyOf(evictionsByCause);
    liveObjects = List.copyOf(liveObjects);
  }

  /** Returns the name to show: the owner when there is one, else the name. */
  public String label() {
    if (kind == Kind.CACHE) {
      return "cache '" + name + "'" + (owner == null ? "" : " in " + owner);
    }
    return owner != null && !owner.equals(name) ? name + " in " + owner : name;
  }

  /** Returns the entry with the suspicion flag and growth figures set. */
  HeapReportEntry withTrend(OptionalLong bytes, OptionalLong count, boolean flagged) {
    return new HeapReportEntry(
        kind,
        name,
        owner,
        type,
        site,
        bound,
        capacityBound,
        entries,
        retainedBytes,
        estimate,
        heapShare,
        bytes,
        count,
        hitRate,
        evictionsByCause,
        flagged,
        liveObjects);
  }

  /** Returns the entry with the allocation sites of live objects it holds. */
  HeapReportEntry withLiveObjects(List<LiveObjects.Site> sites) {
    return new HeapReportEntry(
        kind,
        name,
        owner,
        type,
        site,
        bound,
        capacityBound,
        entries,
        retainedBytes,
        estimate,
        heapShare,
        growthBytes,
        growthEntries,
        hitRate,
        evictionsByCause,
        suspected,
        sites);
  }
}
