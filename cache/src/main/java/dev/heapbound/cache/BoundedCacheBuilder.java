package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalListener;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.Weigher;
import dev.heapbound.core.CallSite;
import dev.heapbound.core.DataSize;
import dev.heapbound.core.SelfCheck;
import dev.heapbound.core.SizeEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A builder of named Caffeine caches that cannot be built without an eviction bound.
 *
 * <p>{@link #build()} returns Caffeine's own {@link Cache}, {@link #build(CacheLoader)} its {@link
 * LoadingCache}, so every read and write costs what it costs in Caffeine. The rules live here:
 *
 * <ul>
 *   <li>a cache needs at least one bound: {@link #maximumSize}, {@link #maximumBytes}, {@link
 *       #maximumWeight}, {@link #expireAfterWrite}, {@link #expireAfterAccess} or {@link
 *       #weakValues};
 *   <li>{@link #softValues} needs a size, byte or weight bound as well;
 *   <li>{@link #maximumBytes} weighs each entry by the deep size of its key and value, measured
 *       once when the entry is written;
 *   <li>statistics are always recorded, and every cache is registered, weakly, in a {@link
 *       CacheRegistry}, with the place in the code that built it for the {@link HeapReporter}.
 * </ul>
 *
 * <p>Caffeine's {@code weakKeys()} is not offered: it switches key equality to identity, so a
 * lookup with an equal but distinct key misses. For entries that should live while their value is
 * used elsewhere, use {@link #weakValues}.
 *
 * <p>Each setting may be set once. Presets ({@link CachePresets}) set defaults that a later call
 * overrides. Checks that involve one setting run when it is set, checks that involve several run in
 * {@code build}, and {@code build} never changes the builder, so one builder can build several
 * caches with different names through {@link #named}.
 *
 * <p><b>Note:</b> weights are fixed when an entry is written, as Caffeine fixes them. A value that
 * grows in place keeps the weight it had; store immutable values, or call {@link
 * BoundedCaches#reweigh} after a change.
 *
 * @param <K> the key type of the caches this builds
 * @param <V> the value type of the caches this builds
 */
public final class BoundedCacheBuilder<K, V> {

  private static final Logger log = LoggerFactory.getLogger(BoundedCacheBuilder.class);

  private final String name;
  private final Setting<Long> maximumSize = new Setting<>("maximumSize");
  private final Setting<Long> maximumBytes = new Setting<>("maximumBytes");
  private final Setting<Long> maximumWeight = new Setting<>("maximumWeight");
  private final Setting<Weigher<? super K, ? super V>> weigher = new Setting<>("weigher");
  private final Setting<Duration> expireAfterWrite = new Setting<>("expireAfterWrite");
  private final Setting<Duration> expireAfterAccess = new Setting<>("expireAfterAccess");
  private final Setting<ValueStrength> values = new Setting<>("values");
  private final Setting<SizeEstimator> sizeEstimator = new Setting<>("sizeEstimator");
  private final Setting<Boolean> rejectOversized = new Setting<>("rejectOversizedEntries");
  private final Setting<Executor> executor = new Setting<>("executor");
  private final Setting<Scheduler> scheduler = new Setting<>("scheduler");
  private final Setting<Ticker> ticker = new Setting<>("ticker");
  private final Setting<RemovalListener<? super K, ? super V>> removalListener =
      new Setting<>("removalListener");
  private final Setting<RemovalListener<? super K, ? super V>> evictionListener =
      new Setting<>("evictionListener");
  private final Setting<CacheRegistry> registry = new Setting<>("registry");
  private Supplier<SelfCheck> selfCheck = SelfCheck::current;

  private BoundedCacheBuilder(String name) {
    this.name = requireName(name);
  }

  private BoundedCacheBuilder(String name, BoundedCacheBuilder<K, V> template) {
    this(name);
    for (int i = 0; i < settings().size(); i++) {
      template.settings().get(i).copyTo(settings().get(i));
    }
    this.selfCheck = template.selfCheck;
  }

  /**
   * Returns a builder of a cache with the given name, which appears in the registry, in logs,
   * metrics and every error message about the cache.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static BoundedCacheBuilder<Object, Object> newBuilder(String name) {
    return new BoundedCacheBuilder<>(name);
  }

  /** Returns the name of the caches this builds. */
  public String name() {
    return name;
  }

  /**
   * Returns a copy of this builder with every setting, for a cache of another name.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public BoundedCacheBuilder<K, V> named(String otherName) {
    return new BoundedCacheBuilder<>(otherName, this);
  }

  /**
   * Bounds the cache to {@code maximumSize} entries. Caffeine evicts the entries least likely to be
   * used again when the count goes over.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   * @throws IllegalStateException if the maximum size was already set
   */
  public BoundedCacheBuilder<K, V> maximumSize(long maximumSize) {
    requirePositive("maximumSize", maximumSize, "");
    this.maximumSize.set(maximumSize, name);
    maximumBytes.clearIfPreset();
    return this;
  }

  /**
   * Bounds the cache to a total deep size of keys and values, in bytes, as {@link SizeEstimator}
   * measures them. Shared flyweights such as enum constants are not charged to an entry.
   *
   * <p>Unless an {@link #executor} is set, a byte-bounded cache runs its maintenance on the thread
   * that writes, so that with one writer the bound holds when each write returns. With Caffeine's
   * default background executor, a tight loop of large writes can outrun eviction by hundreds of
   * megabytes, which is the memory a byte bound exists to protect.
   *
   * <p><b>Note:</b> with several writers, one runs maintenance while the writes of the others wait
   * in Caffeine's write buffer, up to 128 per CPU, so the cache can briefly hold that many entries
   * over the bound. The bound counts keys and values, not Caffeine's own nodes of about 100 bytes
   * per entry.
   *
   * @throws IllegalArgumentException if {@code maximumBytes} is not positive
   * @throws IllegalStateException if the maximum bytes were already set
   */
  public BoundedCacheBuilder<K, V> maximumBytes(long maximumBytes) {
    requirePositive("maximumBytes", maximumBytes, " bytes");
    this.maximumBytes.set(maximumBytes, name);
    return this;
  }

  /**
   * Bounds the cache to a total deep size of keys and values.
   *
   * @see #maximumBytes(long)
   */
  public BoundedCacheBuilder<K, V> maximumBytes(DataSize maximumBytes) {
    Objects.requireNonNull(
        maximumBytes, () -> "maximumBytes must not be null (cache '" + name + "')");
    return maximumBytes(maximumBytes.toBytes());
  }

  /**
   * Bounds the cache to a total weight under the {@link #weigher}. Every entry weighs at least 1,
   * whatever the weigher returns, and a negative weight is an error that names the cache.
   *
   * @throws IllegalArgumentException if {@code maximumWeight} is not positive
   * @throws IllegalStateException if the maximum weight was already set
   */
  public BoundedCacheBuilder<K, V> maximumWeight(long maximumWeight) {
    requirePositive("maximumWeight", maximumWeight, "");
    this.maximumWeight.set(maximumWeight, name);
    maximumBytes.clearIfPreset();
    return this;
  }

  /**
   * Sets the weigher for {@link #maximumWeight}. For a bound in bytes use {@link #maximumBytes},
   * which needs no weigher.
   *
   * @throws IllegalStateException if a weigher was already set
   */
  @SuppressWarnings("unchecked") // the builder's types narrow to the weigher's, as in Caffeine
  public <K1 extends K, V1 extends V> BoundedCacheBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    requireNonNull("weigher", weigher);
    BoundedCacheBuilder<K1, V1> self = (BoundedCacheBuilder<K1, V1>) this;
    self.weigher.set(weigher, name);
    return self;
  }

  /**
   * Expires each entry once {@code duration} has passed since it was created or last replaced.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   * @throws IllegalStateException if the setting was already set
   */
  public BoundedCacheBuilder<K, V> expireAfterWrite(Duration duration) {
    requirePositive("expireAfterWrite", duration);
    this.expireAfterWrite.set(duration, name);
    return this;
  }

  /**
   * Expires each entry once {@code duration} has passed since it was last read or written.
   *
   * @throws IllegalArgumentException if {@code duration} is zero or negative
   * @throws IllegalStateException if the setting was already set
   */
  public BoundedCacheBuilder<K, V> expireAfterAccess(Duration duration) {
    requirePositive("expireAfterAccess", duration);
    this.expireAfterAccess.set(duration, name);
    return this;
  }

  /**
   * Keeps each value only while something outside the cache references it. Keys keep their own
   * {@code equals}, so a lookup with an equal key hits while the value is alive. Once the value is
   * collected its entry disappears at the next maintenance.
   *
   * @throws IllegalStateException if a value reference policy was already set
   */
  public BoundedCacheBuilder<K, V> weakValues() {
    requireNoOtherValuePolicy(ValueStrength.WEAK);
    values.set(ValueStrength.WEAK, name);
    return this;
  }

  /**
   * Lets the garbage collector clear values when it needs the memory. Requires {@link
   * #maximumSize}, {@link #maximumBytes} or {@link #maximumWeight}: soft references alone let the
   * heap fill up, and clearing them costs a full collection each time.
   *
   * @throws IllegalStateException if a value reference policy was already set
   */
  public BoundedCacheBuilder<K, V> softValues() {
    requireNoOtherValuePolicy(ValueStrength.SOFT);
    values.set(ValueStrength.SOFT, name);
    return this;
  }

  /**
   * Sets how the cache references its values, for callers that read the choice from configuration:
   * {@link ValueStrength#WEAK} is {@link #weakValues}, {@link ValueStrength#SOFT} is {@link
   * #softValues}, and {@link ValueStrength#STRONG}, the default, replaces a preset's weak or soft
   * values with ordinary references.
   *
   * @throws IllegalStateException if a value reference policy was already set
   */
  public BoundedCacheBuilder<K, V> values(ValueStrength strength) {
    requireNonNull("values", strength);
    if (strength == ValueStrength.WEAK) {
      return weakValues();
    } else if (strength == ValueStrength.SOFT) {
      return softValues();
    }
    requireNoOtherValuePolicy(ValueStrength.STRONG);
    values.set(ValueStrength.STRONG, name);
    return this;
  }

  /**
   * Sets the estimator that weighs entries for {@link #maximumBytes}, for example one that excludes
   * shared templates. The default is {@link SizeEstimator#defaults()}.
   *
   * @throws IllegalStateException if an estimator was already set
   */
  public BoundedCacheBuilder<K, V> sizeEstimator(SizeEstimator estimator) {
    requireNonNull("sizeEstimator", estimator);
    sizeEstimator.set(estimator, name);
    return this;
  }

  /**
   * Makes a write of an entry larger than the whole {@link #maximumBytes} bound fail with an {@link
   * IllegalArgumentException}, leaving the cache as it was. By default such an entry is admitted,
   * counted and warned about, and then evicted at once.
   *
   * @throws IllegalStateException if the setting was already set
   */
  public BoundedCacheBuilder<K, V> rejectOversizedEntries() {
    rejectOversized.set(Boolean.TRUE, name);
    return this;
  }

  /**
   * Sets the executor for maintenance and removal listeners. The default is Caffeine's, the common
   * fork-join pool, except for a cache with {@link #maximumBytes}, which runs maintenance on the
   * writing thread. Tests that read sizes use {@code Runnable::run}, so eviction has happened when
   * a write returns.
   *
   * @throws IllegalStateException if an executor was already set
   */
  public BoundedCacheBuilder<K, V> executor(Executor executor) {
    requireNonNull("executor", executor);
    this.executor.set(executor, name);
    return this;
  }

  /** Sets the scheduler that runs expiry promptly; see Caffeine's {@code scheduler}. */
  public BoundedCacheBuilder<K, V> scheduler(Scheduler scheduler) {
    requireNonNull("scheduler", scheduler);
    this.scheduler.set(scheduler, name);
    return this;
  }

  /** Sets the time source for expiry, for tests. */
  public BoundedCacheBuilder<K, V> ticker(Ticker ticker) {
    requireNonNull("ticker", ticker);
    this.ticker.set(ticker, name);
    return this;
  }

  /**
   * Sets a listener that runs after an entry is removed for any reason. It runs in order on a
   * thread of the cache's own, so a listener that stalls delays only its own notifications: past
   * 256 waiting notifications, further ones are dropped, counted and warned about. A listener that
   * throws is logged once per cache and never breaks the cache. Resources that must be released
   * belong in an {@link #evictionListener}, which runs synchronously.
   */
  @SuppressWarnings("unchecked") // the builder's types narrow to the listener's, as in Caffeine
  public <K1 extends K, V1 extends V> BoundedCacheBuilder<K1, V1> removalListener(
      RemovalListener<? super K1, ? super V1> listener) {
    requireNonNull("removalListener", listener);
    BoundedCacheBuilder<K1, V1> self = (BoundedCacheBuilder<K1, V1>) this;
    self.removalListener.set(listener, name);
    return self;
  }

  /**
   * Sets a listener that runs synchronously when an entry is evicted by a bound or collected. A
   * listener that throws is logged once per cache and never breaks the cache.
   */
  @SuppressWarnings("unchecked") // the builder's types narrow to the listener's, as in Caffeine
  public <K1 extends K, V1 extends V> BoundedCacheBuilder<K1, V1> evictionListener(
      RemovalListener<? super K1, ? super V1> listener) {
    requireNonNull("evictionListener", listener);
    BoundedCacheBuilder<K1, V1> self = (BoundedCacheBuilder<K1, V1>) this;
    self.evictionListener.set(listener, name);
    return self;
  }

  /**
   * Registers the caches in {@code registry} instead of {@link CacheRegistry#global()}.
   *
   * @throws IllegalStateException if a registry was already set
   */
  public BoundedCacheBuilder<K, V> registry(CacheRegistry registry) {
    requireNonNull("registry", registry);
    this.registry.set(registry, name);
    return this;
  }

  /** Returns the bounds the built cache would have, without building it or checking them. */
  public CacheBounds bounds() {
    return new CacheBounds(
        optional(maximumSize.value),
        optional(maximumBytes.value),
        optional(maximumWeight.value),
        expireAfterWrite.value,
        expireAfterAccess.value,
        values.value == null ? ValueStrength.STRONG : values.value);
  }

  /**
   * Runs the checks of {@link #build()} and returns the bounds, without building a cache or
   * reserving its name in the registry. Frameworks call it to reject a configuration at startup
   * that is used only later, such as the defaults of caches created on demand.
   *
   * @throws IllegalStateException under the same conditions as {@link #build()}, except that a name
   *     already used in the registry is not checked
   */
  public CacheBounds validate() {
    return validate(false);
  }

  /**
   * Builds a cache.
   *
   * @throws IllegalStateException if the settings lack a bound or conflict, if a cache of the same
   *     name is alive in the registry, or if the size estimator failed its self-check on this JVM
   *     while {@link #maximumBytes} is set
   */
  public <K1 extends K, V1 extends V> Cache<K1, V1> build() {
    CacheBounds bounds = validate(false);
    Registration registration = newRegistration(bounds);
    Cache<K1, V1> cache = this.<K1, V1>caffeine(registration).build();
    return register(cache, registration);
  }

  /**
   * Builds a cache that loads missing values with {@code loader}.
   *
   * @throws IllegalStateException under the same conditions as {@link #build()}
   */
  public <K1 extends K, V1 extends V> LoadingCache<K1, V1> build(
      CacheLoader<? super K1, V1> loader) {
    requireNonNull("loader", loader);
    CacheBounds bounds = validate(false);
    Registration registration = newRegistration(bounds);
    LoadingCache<K1, V1> cache =
        this.<K1, V1>caffeine(registration).build(GuardedLoader.wrap(registration, loader));
    return register(cache, registration);
  }

  /**
   * Builds an asynchronous cache. Weak and soft values are not available here, as in Caffeine.
   *
   * @throws IllegalStateException under the same conditions as {@link #build()}, or if weak or soft
   *     values are set
   */
  public <K1 extends K, V1 extends V> AsyncCache<K1, V1> buildAsync() {
    CacheBounds bounds = validate(true);
    Registration registration = newRegistration(bounds);
    AsyncCache<K1, V1> cache = this.<K1, V1>caffeine(registration).buildAsync();
    register(cache.synchronous(), registration);
    return cache;
  }

  /**
   * Builds an asynchronous cache that loads missing values with {@code loader}.
   *
   * @throws IllegalStateException under the same conditions as {@link #buildAsync()}
   */
  public <K1 extends K, V1 extends V> AsyncLoadingCache<K1, V1> buildAsync(
      AsyncCacheLoader<? super K1, V1> loader) {
    requireNonNull("loader", loader);
    CacheBounds bounds = validate(true);
    Registration registration = newRegistration(bounds);
    AsyncLoadingCache<K1, V1> cache = this.<K1, V1>caffeine(registration).buildAsync(loader);
    register(cache.synchronous(), registration);
    return cache;
  }

  /** Lists the settings that were set, as in {@code BoundedCacheBuilder{name=reports, ...}}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add("name=" + name);
    for (Setting<?> setting : settings()) {
      if (setting.value != null) {
        parts.add(setting.describe());
      }
    }
    return "BoundedCacheBuilder{" + String.join(", ", parts) + "}";
  }

  /** Sets a default that a later call to the same setter replaces. */
  void presetMaximumBytes(long bytes) {
    maximumBytes.preset(bytes);
  }

  void presetExpireAfterWrite(Duration duration) {
    expireAfterWrite.preset(duration);
  }

  void presetExpireAfterAccess(Duration duration) {
    expireAfterAccess.preset(duration);
  }

  void presetValues(ValueStrength strength) {
    values.preset(strength);
  }

  /** Replaces the self-check, so that tests can show what a failed one does. */
  void selfCheck(Supplier<SelfCheck> selfCheck) {
    this.selfCheck = selfCheck;
  }

  private List<Setting<?>> settings() {
    return List.of(
        maximumSize,
        maximumBytes,
        maximumWeight,
        weigher,
        expireAfterWrite,
        expireAfterAccess,
        values,
        sizeEstimator,
        rejectOversized,
        executor,
        scheduler,
        ticker,
        removalListener,
        evictionListener,
        registry);
  }

  private CacheBounds validate(boolean async) {
    CacheBounds bounds = bounds();
    if (values.value == ValueStrength.SOFT && !bounds.hasCapacityBound()) {
      throw new IllegalStateException(
          "softValues requires maximumSize or maximumBytes (cache '" + name + "')");
    }
    if (!bounds.isBounded()) {
      throw new IllegalStateException(
          "cache '"
              + name
              + "' has no eviction bound; set maximumSize, maximumBytes, expireAfterWrite,"
              + " expireAfterAccess or weakValues");
    }
    validateCombinations(async);
    if (maximumBytes.value != null) {
      SelfCheck check = selfCheck.get();
      if (!check.passed()) {
        throw new IllegalStateException(
            "maximumBytes is not available (cache '" + name + "'): " + check.describeFailure());
      }
    }
    return bounds;
  }

  /** Rejects settings that conflict with each other or need another setting. */
  private void validateCombinations(boolean async) {
    requireNotBoth(maximumSize, maximumBytes, "bound the cache by entries or by bytes, not both");
    requireNotBoth(maximumSize, maximumWeight, "bound the cache by entries or by weight, not both");
    String ownWeigher =
        "maximumBytes weighs entries by their deep size; use maximumWeight only with a weigher"
            + " of your own";
    requireNotBoth(maximumBytes, maximumWeight, ownWeigher);
    requireNotBoth(maximumBytes, weigher, ownWeigher);
    requireWith(maximumWeight, weigher);
    requireWith(weigher, maximumWeight);
    requireWith(rejectOversized, maximumBytes);
    requireWith(sizeEstimator, maximumBytes);
    if (async && values.value != null && values.value != ValueStrength.STRONG) {
      throw new IllegalStateException(
          values.value.settingName()
              + " is not supported by buildAsync (cache '"
              + name
              + "'); Caffeine's asynchronous caches hold futures, so use build() for weak or soft"
              + " values");
    }
  }

  private Registration newRegistration(CacheBounds bounds) {
    CacheRegistry target = registry.value == null ? CacheRegistry.global() : registry.value;
    return target.reserve(name, bounds, CallSite.capture(BoundedCacheBuilder::isBuilderFrame));
  }

  /**
   * Returns whether a stack frame belongs to the builder or to the framework that called it, so
   * that the creation site names the application's code: the builder itself, heapbound's Spring
   * integration, Spring, and the JDK's reflection frames between them.
   */
  private static boolean isBuilderFrame(Class<?> type) {
    String name = type.getName();
    return type == BoundedCacheBuilder.class
        || type.getPackageName().equals("dev.heapbound.spring")
        || name.startsWith("org.springframework.")
        || name.startsWith("java.")
        || name.startsWith("jdk.");
  }

  private <C> C register(C cache, Registration registration) {
    registration.attach(cache);
    log.info("created cache '{}': {}", name, registration.bounds());
    warnAboutRiskyBounds(registration.bounds());
    return cache;
  }

  private void warnAboutRiskyBounds(CacheBounds bounds) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (!bounds.hasCapacityBound() && bounds.values() == ValueStrength.WEAK) {
      if (bounds.expireAfterWrite() == null && bounds.expireAfterAccess() == null) {
        log.warn(
            "cache '{}' is bounded only by weakValues; a value that its own key references, or"
                + " that lives forever such as an interned string or a small boxed integer, is"
                + " never collected, so add expireAfterAccess or maximumSize as a backstop",
            name);
      }
    } else if (!bounds.hasCapacityBound()) {
      log.warn(
          "cache '{}' is bounded only by expiry ({}); a burst of writes within that time can"
              + " still fill the heap, so add maximumSize or maximumBytes",
          name,
          bounds);
    }
    if (bounds.maximumBytes().isPresent() && bounds.maximumBytes().getAsLong() >= maxHeap) {
      log.warn(
          "cache '{}' has maximumBytes={}, at least the whole maximum heap of {}, so the bound"
              + " cannot keep the heap from filling; set maximumBytes to a share of the heap",
          name,
          DataSize.format(bounds.maximumBytes().getAsLong()),
          DataSize.format(maxHeap));
    }
  }

  @SuppressWarnings("unchecked") // Caffeine's builder is untyped until build, as here
  private <K1 extends K, V1 extends V> Caffeine<K1, V1> caffeine(Registration registration) {
    Caffeine<Object, Object> caffeine = Caffeine.newBuilder().recordStats();
    applyBounds(caffeine, registration);
    applyRuntime(caffeine);
    if (removalListener.value != null) {
      caffeine.removalListener(
          new ListenerDispatcher<>(
              registration, (RemovalListener<Object, Object>) removalListener.value));
    }
    caffeine.evictionListener(
        new EvictionLogger<>(
            registration, (RemovalListener<Object, Object>) evictionListener.value));
    return (Caffeine<K1, V1>) caffeine;
  }

  @SuppressWarnings("unchecked") // the weigher's types narrowed the builder's, as in Caffeine
  private void applyBounds(Caffeine<Object, Object> caffeine, Registration registration) {
    if (maximumSize.value != null) {
      caffeine.maximumSize(maximumSize.value);
    }
    if (maximumBytes.value != null) {
      SizeEstimator estimator =
          sizeEstimator.value == null ? SizeEstimator.defaults() : sizeEstimator.value;
      caffeine
          .maximumWeight(maximumBytes.value)
          .weigher(
              new ByteWeigher(
                  registration, estimator, maximumBytes.value, rejectOversized.value != null));
    }
    if (maximumWeight.value != null) {
      caffeine
          .maximumWeight(maximumWeight.value)
          .weigher(new CheckedWeigher<>(registration, (Weigher<Object, Object>) weigher.value));
    }
    if (expireAfterWrite.value != null) {
      caffeine.expireAfterWrite(expireAfterWrite.value);
    }
    if (expireAfterAccess.value != null) {
      caffeine.expireAfterAccess(expireAfterAccess.value);
    }
    if (values.value == ValueStrength.WEAK) {
      caffeine.weakValues();
    } else if (values.value == ValueStrength.SOFT) {
      caffeine.softValues();
    }
  }

  private void applyRuntime(Caffeine<Object, Object> caffeine) {
    if (executor.value != null) {
      caffeine.executor(executor.value);
    } else if (maximumBytes.value != null) {
      // Writers evict for themselves: a background executor lets a burst of large writes run
      // hundreds of megabytes past the bound before maintenance catches up.
      caffeine.executor(Runnable::run);
    }
    if (scheduler.value != null) {
      caffeine.scheduler(scheduler.value);
    }
    if (ticker.value != null) {
      caffeine.ticker(ticker.value);
    }
  }

  private void requireNoOtherValuePolicy(ValueStrength policy) {
    if (values.value != null && !values.fromPreset && values.value != policy) {
      throw new IllegalStateException(
          policy.settingName()
              + " conflicts with "
              + values.value.settingName()
              + " (cache '"
              + name
              + "'); choose one value reference policy");
    }
  }

  private void requireNotBoth(Setting<?> first, Setting<?> second, String fix) {
    if (first.value != null && second.value != null) {
      throw new IllegalStateException(
          first.name + " conflicts with " + second.name + " (cache '" + name + "'); " + fix);
    }
  }

  private void requireWith(Setting<?> setting, Setting<?> required) {
    if (setting.value != null && required.value == null) {
      throw new IllegalStateException(
          setting.name + " requires " + required.name + " (cache '" + name + "')");
    }
  }

  private void requirePositive(String setting, long value, String unit) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          setting
              + " must be positive: "
              + value
              + unit
              + " (cache '"
              + name
              + "'); a cache that holds nothing caches nothing, so remove the cache instead");
    }
  }

  private void requirePositive(String setting, Duration duration) {
    requireNonNull(setting, duration);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          setting
              + " must be positive: "
              + duration
              + " (cache '"
              + name
              + "'); an entry that expires at once is never served, so remove the cache"
              + " instead");
    }
  }

  private void requireNonNull(String setting, Object value) {
    if (value == null) {
      throw new NullPointerException(setting + " must not be null (cache '" + name + "')");
    }
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "cache name must not be blank: "
              + (name == null ? "null" : "'" + name + "'")
              + "; name the cache after what it stores, such as 'reports'");
    }
    return name;
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** One setting of the builder: its value and whether a user or a preset set it. */
  private static final class Setting<T> {
    final String name;
    T value;
    boolean fromPreset;

    Setting(String name) {
      this.name = name;
    }

    void set(T newValue, String cacheName) {
      if (value != null && !fromPreset) {
        throw new IllegalStateException(
            name
                + " was already set to "
                + describeValue()
                + " (cache '"
                + cacheName
                + "'); set each setting once");
      }
      value = newValue;
      fromPreset = false;
    }

    /** Drops a preset's default, for a setting that another capacity bound replaces. */
    void clearIfPreset() {
      if (fromPreset) {
        value = null;
        fromPreset = false;
      }
    }

    void preset(T newValue) {
      if (value == null || fromPreset) {
        value = newValue;
        fromPreset = true;
      }
    }

    @SuppressWarnings("unchecked") // both settings come from the same position in settings()
    void copyTo(Setting<?> other) {
      Setting<T> target = (Setting<T>) other;
      target.value = value;
      target.fromPreset = fromPreset;
    }

    String describe() {
      return name + "=" + describeValue();
    }

    private String describeValue() {
      if (value instanceof ValueStrength) {
        return ((ValueStrength) value).settingName();
      } else if (name.equals("maximumBytes")) {
        return DataSize.format((Long) value);
      } else if (value instanceof CacheRegistry) {
        return value == CacheRegistry.global() ? "global" : "CacheRegistry";
      } else if (value instanceof Weigher || value instanceof RemovalListener) {
        return value.getClass().getName();
      }
      return String.valueOf(value);
    }
  }
}
