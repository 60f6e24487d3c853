package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.heapbound.core.CallSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The caches that {@link BoundedCacheBuilder} built, by name, held weakly.
 *
 * <p>A cache that the application no longer references is collected as usual and disappears from
 * the registry: a library that prevents leaks must not cause one. Names are unique among the live
 * caches of a registry. {@link #global()} is the registry that builders use unless {@code
 * registry(...)} sets another. Applications that build caches per context, such as Spring, give
 * each context a registry of its own.
 */
public final class CacheRegistry {

  private static final CacheRegistry GLOBAL = new CacheRegistry();

  private final ConcurrentMap<String, Registration> registrations = new ConcurrentHashMap<>();

  /** Returns the registry that builders use by default. */
  public static CacheRegistry global() {
    return GLOBAL;
  }

  /**
   * Lists the live caches, sorted by name. Each cache runs its pending maintenance first, so the
   * entry counts and weighted bytes are exact at that moment rather than estimates.
   */
  public List<CacheSummary> caches() {
    List<CacheSummary> summaries = new ArrayList<>();
    for (Registration registration : registrations.values()) {
      Cache<?, ?> cache = registration.cache();
      if (cache != null) {
        summaries.add(summarize(registration, cache));
      } else if (registration.isAttached()) {
        registrations.remove(registration.name(), registration);
      }
    }
    summaries.sort(Comparator.comparing(CacheSummary::name));
    return summaries;
  }

  /** Returns the summary of the live cache with this name, if there is one. */
  public Optional<CacheSummary> cache(String name) {
    return lookup(name).flatMap(cache -> Optional.of(summarize(registrations.get(name), cache)));
  }

  /** Returns the live cache with this name, if there is one. */
  public Optional<Cache<?, ?>> lookup(String name) {
    Registration registration = registrations.get(name);
    return registration == null ? Optional.empty() : Optional.ofNullable(registration.cache());
  }

  /** Returns the names of the live caches, sorted. */
  public List<String> names() {
    return caches().stream().map(CacheSummary::name).toList();
  }

  @Override
  public String toString() {
    return "CacheRegistry" + names();
  }

  /**
   * Reserves a name for a cache about to be built.
   *
   * @throws IllegalStateException if a live cache already has the name
   */
  Registration reserve(String name, CacheBounds bounds) {
    return reserve(name, bounds, null);
  }

  /**
   * Reserves a name for a cache about to be built at {@code creationSite}.
   *
   * @throws IllegalStateException if a live cache already has the name
   */
  Registration reserve(String name, CacheBounds bounds, CallSite creationSite) {
    Registration fresh = new Registration(name, bounds, creationSite);
    Registration winner =
        registrations.compute(
            name,
            (key, existing) ->
                existing == null || (existing.isAttached() && existing.cache() == null)
                    ? fresh
                    : existing);
    if (winner != fresh) {
      throw new IllegalStateException(
          "cache name '"
              + name
              + "' is already used by a live cache in this registry; give each cache a unique"
              + " name, or drop the old cache first");
    }
    return fresh;
  }

  /** Returns the registrations whose cache is alive, in no particular order. */
  List<Registration> liveRegistrations() {
    List<Registration> live = new ArrayList<>();
    for (Registration registration : registrations.values()) {
      if (registration.cache() != null) {
        live.add(registration);
      }
    }
    return live;
  }

  private static CacheSummary summarize(Registration registration, Cache<?, ?> cache) {
    cache.cleanUp();
    OptionalLong weightedBytes = OptionalLong.empty();
    if (registration.bounds().maximumBytes().isPresent()) {
      weightedBytes =
          cache.policy().eviction().map(Policy.Eviction::weightedSize).orElse(OptionalLong.empty());
    }
    CacheStats stats = cache.stats();
    return new CacheSummary(
        registration.name(),
        registration.bounds(),
        cache.estimatedSize(),
        weightedBytes,
        stats.hitCount(),
        stats.missCount(),
        stats.evictionCount(),
        registration.oversizedEntries());
  }
}
