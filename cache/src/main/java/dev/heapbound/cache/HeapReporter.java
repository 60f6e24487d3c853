package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.heapbound.core.CallSite;
import dev.heapbound.core.Measurement;
import dev.heapbound.core.ReferenceChain;
import dev.heapbound.core.SizeEstimator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports which caches, maps and collections hold how much memory, the way {@code pprof top} does
 * for a Go program: one {@link HeapReport} per call, sorted by retained bytes, with no key or
 * value.
 *
 * <p>A report covers every live cache of a {@link CacheRegistry}, every map or collection passed to
 * {@link #watch}, and every map or collection in a static field of the classes passed to {@link
 * #watchStaticFields}. Watched structures and classes are held weakly, so watching keeps nothing
 * alive.
 *
 * <p><b>Leak suspicion.</b> Each report is a sample. A structure without a bound on entries, bytes
 * or weight that grew in {@link Builder#suspicionSamples} consecutive samples, while heap used
 * after GC also grew over those samples, is flagged as suspected, and a warning naming it (never
 * its contents) is logged once when it becomes suspected. Caches with a capacity bound are never
 * flagged: they grow until the bound that their owner chose and then stop.
 *
 * <p>{@link #reportText()} and {@link #reportJson()} return the two renderings for a diagnostic
 * endpoint; {@link #startPeriodicReports} logs one to SLF4J at a fixed delay; {@link #sample()}
 * takes a report without the live-objects view, cheap enough to feed the suspicion rule often.
 *
 * <p>Instances are safe to use from several threads; reports are taken one at a time.
 *
 * <p><b>Note:</b> heap used after GC is read from the memory pools' usage after their last
 * collection, which lags when the collector has not run lately. {@link
 * Builder#collectGarbageBeforeReport()} runs a full GC first for exact figures, which pauses the
 * application.
 */
public final class HeapReporter {

  /** The logger of suspicion warnings and periodic reports. */
  public static final String LOGGER_NAME = "dev.heapbound.cache.HeapReport";

  /** Structures with more entries than this are measured from a sample, by default. */
  public static final int DEFAULT_SAMPLE_THRESHOLD = 10_000;

  /** Entries sampled from a large structure, by default. */
  public static final int DEFAULT_SAMPLE_SIZE = 1_000;

  /** Consecutive samples of growth before a structure is suspected, by default. */
  public static final int DEFAULT_SUSPICION_SAMPLES = 3;

  private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
  private static final HeapReporter GLOBAL = builder().build();

  private final CacheRegistry registry;
  private final StructureSizer sizer;
  private final boolean collectGarbage;
  private final LiveObjectRecorder liveObjects;
  private final Clock clock;
  private final List<Watched> watched = new CopyOnWriteArrayList<>();
  private final List<WeakReference<Class<?>>> scannedClasses = new CopyOnWriteArrayList<>();
  private final GrowthTrends trends;

  private HeapReporter(Builder builder) {
    this.registry = builder.registry;
    this.sizer = new StructureSizer(builder.estimator, builder.sampleThreshold, builder.sampleSize);
    this.trends = new GrowthTrends(builder.suspicionSamples);
    this.collectGarbage = builder.collectGarbage;
    this.liveObjects = builder.liveObjects;
    this.clock = builder.clock;
  }

  /** Returns the reporter over {@link CacheRegistry#global()}, with the default settings. */
  public static HeapReporter global() {
    return GLOBAL;
  }

  /** Returns a builder of a reporter with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Watches a plain map or collection under {@code name}, held weakly: it leaves the report when it
   * is collected.
   *
   * @throws IllegalArgumentException if the name is blank or the structure is neither a {@link Map}
   *     nor a {@link Collection}
   */
  public HeapReporter watch(String name, Object structure) {
    Objects.requireNonNull(structure, "structure");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "watched structure name must not be blank: "
              + (name == null ? "null" : "'" + name + "'")
              + "; name it after what it holds, such as 'reportsById'");
    }
    if (!(structure instanceof Map) && !(structure instanceof Collection)) {
      throw new IllegalArgumentException(
          "watch takes a Map or a Collection, not a "
              + structure.getClass().getName()
              + " (name '"
              + name
              + "'); register caches through BoundedCacheBuilder instead");
    }
    CallSite site = CallSite.capture(type -> type == HeapReporter.class);
    watched.add(new Watched(name, new WeakReference<>(structure), site));
    return this;
  }

  /**
   * Scans the static fields of {@code classes} at every report: each map or collection found is
   * reported as {@code Class.field}, and each cache found gives the cache's entry that owner.
   */
  public HeapReporter watchStaticFields(Class<?>... classes) {
    for (Class<?> type : classes) {
      scannedClasses.add(new WeakReference<>(Objects.requireNonNull(type, "class")));
    }
    return this;
  }

  /**
   * Takes a report: measures every structure, updates growth figures and suspicions, and adds the
   * live-objects view when the reporter has a recorder.
   */
  public HeapReport report() {
    return take(true);
  }

  /**
   * Takes a report without the live-objects view. It measures every structure and updates growth
   * figures and suspicions as {@link #report()} does, but skips the recorder's snapshot, which
   * costs a second full GC and a search of the heap for paths to GC roots. Call it often, such as
   * with every metrics scrape, so that the leak-suspicion rule gets enough samples, and call {@link
   * #report()} when someone needs the allocation sites.
   *
   * <p><b>Note:</b> both methods take a sample. A {@link #report()} right after a {@code sample()}
   * measures no growth, so every structure's streak of growth starts over; let the report take the
   * place of a sample instead of following one.
   */
  public HeapReport sample() {
    return take(false);
  }

  private synchronized HeapReport take(boolean withLiveObjects) {
    if (collectGarbage) {
      System.gc();
    }
    LiveObjects live = withLiveObjects && liveObjects != null ? liveObjects.snapshot() : null;
    long heapAfterGc = heapUsedAfterGc();
    long heapMax = Runtime.getRuntime().maxMemory();

    List<HeapReportEntry> entries = new ArrayList<>();
    Map<Object, String> owners = staticOwners(entries, heapAfterGc);
    addCaches(entries, owners, heapAfterGc);
    addWatched(entries, owners, heapAfterGc);
    entries = trends.apply(entries, heapAfterGc);
    if (live != null) {
      entries = attachLiveObjects(entries, live);
    }
    entries.sort(
        Comparator.comparingLong(HeapReportEntry::retainedBytes)
            .reversed()
            .thenComparing(HeapReportEntry::name));
    return new HeapReport(clock.instant(), heapAfterGc, heapMax, entries, live);
  }

  /** Takes a report and renders it as aligned text, for a log or a terminal. */
  public String reportText() {
    return report().toText();
  }

  /** Takes a report and renders it as JSON, for tools. */
  public String reportJson() {
    return report().toJson();
  }

  /**
   * Logs a report at info to the logger {@value #LOGGER_NAME} every {@code interval}, on a daemon
   * thread, until the returned handle is closed. Nothing is measured while both info and warn are
   * off for that logger.
   *
   * @throws IllegalArgumentException if the interval is zero or negative
   */
  public PeriodicHeapReport startPeriodicReports(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(
          "heap report interval must be positive: " + interval + "; use, for example, PT1M");
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "heapbound-heap-report");
              thread.setDaemon(true);
              return thread;
            });
    long nanos = interval.toNanos();
    executor.scheduleWithFixedDelay(this::logReport, nanos, nanos, TimeUnit.NANOSECONDS);
    return new PeriodicHeapReport(executor, interval);
  }

  @Override
  public String toString() {
    return "HeapReporter{watched=" + watched.size() + ", classes=" + scannedClasses.size() + "}";
  }

  private void logReport() {
    if (!log.isInfoEnabled() && !log.isWarnEnabled()) {
      return;
    }
    try {
      HeapReport report = report();
      log.info("{}", report.toText());
    } catch (RuntimeException e) {
      log.warn("periodic heap report failed; the next one runs as scheduled", e);
    }
  }

  /** Adds the maps and collections of scanned static fields and returns the owners of caches. */
  private Map<Object, String> staticOwners(List<HeapReportEntry> entries, long heapAfterGc) {
    Map<Object, String> owners = new IdentityHashMap<>();
    List<Class<?>> classes = new ArrayList<>();
    for (WeakReference<Class<?>> reference : scannedClasses) {
      Class<?> type = reference.get();
      if (type == null) {
        scannedClasses.remove(reference);
      } else {
        classes.add(type);
      }
    }
    for (Map.Entry<String, Object> field : ReferenceChain.staticFields(classes).entrySet()) {
      Object value = field.getValue();
      if (value instanceof AsyncCache) {
        value = ((AsyncCache<?, ?>) value).synchronous();
      }
      if (value == null || owners.containsKey(value)) {
        continue;
      }
      owners.put(value, field.getKey());
      if (value instanceof Map || value instanceof Collection) {
        entries.add(structureEntry(field.getKey(), field.getKey(), value, null, heapAfterGc));
      }
    }
    return owners;
  }

  private void addWatched(
      List<HeapReportEntry> entries, Map<Object, String> owners, long heapAfterGc) {
    for (Watched candidate : watched) {
      Object structure = candidate.structure.get();
      if (structure == null) {
        watched.remove(candidate);
      } else if (!owners.containsKey(structure)) {
        owners.put(structure, candidate.name);
        entries.add(structureEntry(candidate.name, null, structure, candidate.site, heapAfterGc));
      }
    }
  }

  private HeapReportEntry structureEntry(
      String name, String owner, Object structure, CallSite site, long heapAfterGc) {
    boolean isMap = structure instanceof Map;
    int size = isMap ? ((Map<?, ?>) structure).size() : ((Collection<?>) structure).size();
    Measurement measured = sizer.measureStructure(structure, size);
    return new HeapReportEntry(
        isMap ? HeapReportEntry.Kind.MAP : HeapReportEntry.Kind.COLLECTION,
        name,
        owner,
        structure.getClass().getName(),
        site,
        HeapReportEntry.UNBOUNDED,
        false,
        size,
        measured.bytes(),
        measured.estimate(),
        share(measured.bytes(), heapAfterGc),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalDouble.empty(),
        Map.of(),
        false,
        List.of());
  }

  private void addCaches(
      List<HeapReportEntry> entries, Map<Object, String> owners, long heapAfterGc) {
    for (Registration registration : registry.liveRegistrations()) {
      Cache<?, ?> cache = registration.cache();
      if (cache == null) {
        continue;
      }
      cache.cleanUp();
      long size = cache.estimatedSize();
      CacheBounds bounds = registration.bounds();
      long bytes;
      boolean estimate;
      OptionalLong weighted =
          bounds.maximumBytes().isPresent()
              ? cache
                  .policy()
                  .eviction()
                  .map(Policy.Eviction::weightedSize)
                  .orElse(OptionalLong.empty())
              : OptionalLong.empty();
      if (weighted.isPresent()) {
        bytes = weighted.getAsLong();
        estimate = false;
      } else {
        Measurement measured = sizer.measureEntries(cache.asMap(), size);
        bytes = measured.bytes();
        estimate = measured.estimate();
      }
      CacheStats stats = cache.stats();
      OptionalDouble hitRate =
          stats.requestCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(stats.hitRate());
      Map<String, Long> evictions = new LinkedHashMap<>();
      for (Map.Entry<RemovalCause, Long> count : registration.evictionsByCause().entrySet()) {
        evictions.put(count.getKey().name(), count.getValue());
      }
      entries.add(
          new HeapReportEntry(
              HeapReportEntry.Kind.CACHE,
              registration.name(),
              owners.get(cache),
              "cache",
              registration.creationSite(),
              bounds.toString(),
              bounds.hasCapacityBound(),
              size,
              bytes,
              estimate,
              share(bytes, heapAfterGc),
              OptionalLong.empty(),
              OptionalLong.empty(),
              hitRate,
              evictions,
              false,
              List.of()));
      owners.putIfAbsent(cache, registration.name());
    }
  }

  private static List<HeapReportEntry> attachLiveObjects(
      List<HeapReportEntry> entries, LiveObjects live) {
    List<HeapReportEntry> result = new ArrayList<>();
    for (HeapReportEntry entry : entries) {
      // Sites that differ only in the shape of the chain inside the structure count as one.
      Map<String, LiveObjects.Site> held = new LinkedHashMap<>();
      if (entry.owner() != null) {
        for (LiveObjects.Site site : live.sites()) {
          if (entry.owner().equals(site.staticOwner())) {
            held.merge(
                site.type() + "|" + site.allocationSite(),
                site,
                (first, next) ->
                    new LiveObjects.Site(
                        first.type(),
                        first.allocationSite(),
                        first.count() + next.count(),
                        first.referenceChain(),
                        first.staticOwner()));
          }
        }
      }
      result.add(held.isEmpty() ? entry : entry.withLiveObjects(List.copyOf(held.values())));
    }
    return result;
  }

  private static double share(long bytes, long heapAfterGc) {
    return heapAfterGc <= 0 ? Double.NaN : (double) bytes / heapAfterGc;
  }

  /** Returns the heap used after the last collection of each heap pool, in bytes. */
  static long heapUsedAfterGc() {
    long used = 0;
    boolean known = false;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        MemoryUsage usage = pool.getCollectionUsage();
        if (usage != null) {
          used += usage.getUsed();
          known = true;
        }
      }
    }
    return known ? used : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private record Watched(String name, WeakReference<Object> structure, CallSite site) {}

  /** A builder of a {@link HeapReporter}. */
  public static final class Builder {
    private CacheRegistry registry = CacheRegistry.global();
    private SizeEstimator estimator = SizeEstimator.defaults();
    private int sampleThreshold = DEFAULT_SAMPLE_THRESHOLD;
    private int sampleSize = DEFAULT_SAMPLE_SIZE;
    private int suspicionSamples = DEFAULT_SUSPICION_SAMPLES;
    private boolean collectGarbage;
    private LiveObjectRecorder liveObjects;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Reports the caches of {@code registry} instead of {@link CacheRegistry#global()}. */
    public Builder registry(CacheRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Sets the estimator that measures maps, collections and cache entries. */
    public Builder sizeEstimator(SizeEstimator estimator) {
      this.estimator = Objects.requireNonNull(estimator, "estimator");
      return this;
    }

    /**
     * Measures structures with more than {@code threshold} entries from a sample of {@code
     * sampleSize} entries, and marks their figures as estimates.
     *
     * @throws IllegalArgumentException if either number is not positive
     */
    public Builder sampling(int threshold, int sampleSize) {
      if (threshold <= 0 || sampleSize <= 0) {
        throw new IllegalArgumentException(
            "sampling needs a positive threshold and sample size: "
                + threshold
                + " and "
                + sampleSize
                + "; for example 10000 and 1000");
      }
      this.sampleThreshold = threshold;
      this.sampleSize = sampleSize;
      return this;
    }

    /**
     * Sets how many consecutive samples of growth make a structure suspected.
     *
     * @throws IllegalArgumentException if {@code samples} is not positive
     */
    public Builder suspicionSamples(int samples) {
      if (samples <= 0) {
        throw new IllegalArgumentException(
            "suspicionSamples must be positive: " + samples + "; the default is 3");
      }
      this.suspicionSamples = samples;
      return this;
    }

    /**
     * Runs {@code System.gc()} before each report, so that heap used after GC is current. A full GC
     * pauses the application, so use it for diagnosis rather than on a schedule.
     */
    public Builder collectGarbageBeforeReport() {
      this.collectGarbage = true;
      return this;
    }

    /** Adds the live-objects view of {@code recorder} to every report. */
    public Builder liveObjects(LiveObjectRecorder recorder) {
      this.liveObjects = Objects.requireNonNull(recorder, "recorder");
      return this;
    }

    /** Sets the clock that dates reports, for tests. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public HeapReporter build() {
      return new HeapReporter(this);
    }
  }
}
