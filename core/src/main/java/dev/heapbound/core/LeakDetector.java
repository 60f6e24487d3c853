package dev.heapbound.core;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link Scope}s and reports the leaks they reveal: values that outlive the scope they were
 * tracked in, and scopes that are garbage-collected without being closed.
 *
 * <p>Each distinct leak, identified by its {@link LeakReport#fingerprint()}, is reported once. A
 * leak first reported without a creation site is reported once more when a sampled scope shows
 * where it comes from. Reports go to a {@link LeakListener}, by default {@link
 * LeakListener#slf4j()}.
 *
 * <p><b>Cost.</b> Opening a scope registers it with a {@link Cleaner}, and tracking a value creates
 * two small objects. The scope's creation site needs a stack walk, which costs microseconds, so
 * only one scope in {@link #samplingInterval()} records it. With the default interval of {@value
 * #DEFAULT_SAMPLING_INTERVAL}, 63 scopes in 64 cost a {@code Cleaner} registration and no stack
 * walk, which is what lets the detector stay on in production.
 *
 * <p><b>How an escape is found.</b> Each tracked value gets a marker object, allocated when the
 * value is tracked and dropped when the scope closes, so it ages with the value. Once the collector
 * has freed the marker, it has collected the part of the heap where the value lives. If the value
 * is still reachable then, and again after one more collection, it has escaped. The second round
 * lets a local variable of the method that closed the scope go out of use first.
 *
 * <p><b>Note:</b> a value that was old when it was tracked can outlive its younger marker by a few
 * collections without having escaped. Track values when they are created.
 */
public final class LeakDetector {

  /** One scope in this many records its creation site, by default. */
  public static final int DEFAULT_SAMPLING_INTERVAL = 64;

  /** The system property that sets the sampling interval of {@link #global()}. */
  public static final String SAMPLING_INTERVAL_PROPERTY = "heapbound.scope.samplingInterval";

  static final Cleaner CLEANER =
      Cleaner.create(
          task -> {
            Thread thread = new Thread(task, "heapbound-leak-detector");
            thread.setDaemon(true);
            return thread;
          });

  private static final Logger log = LoggerFactory.getLogger(LeakDetector.class);
  private static final int MAX_REMEMBERED_LEAKS = 4096;
  private static final long MEASURED_OBJECTS = 100_000;

  private static volatile LeakDetector global;

  private final int samplingInterval;
  private final LeakListener listener;
  private final SizeEstimator estimator;
  private final AtomicLong openedScopes = new AtomicLong();
  private final AtomicLong finishedEscapeChecks = new AtomicLong();
  private final ConcurrentMap<String, Boolean> reportedWithSite = new ConcurrentHashMap<>();

  private LeakDetector(Builder builder) {
    this.samplingInterval = builder.samplingInterval;
    this.listener = builder.listener;
    this.estimator = builder.estimator;
  }

  /**
   * Returns the detector that {@link Scope#open(String)} uses. It logs through SLF4J and samples
   * one creation site in {@value #DEFAULT_SAMPLING_INTERVAL}, or in the number that the system
   * property {@value #SAMPLING_INTERVAL_PROPERTY} sets.
   */
  public static LeakDetector global() {
    LeakDetector detector = global;
    if (detector == null) {
      synchronized (LeakDetector.class) {
        detector = global;
        if (detector == null) {
          int interval = Integer.getInteger(SAMPLING_INTERVAL_PROPERTY, DEFAULT_SAMPLING_INTERVAL);
          detector = builder().samplingInterval(Math.max(1, interval)).build();
          global = detector;
        }
      }
    }
    return detector;
  }

  /** Returns a builder of a detector with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens a scope, for example one per request or job, to close in a try-with-resources block.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public Scope open(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "scope name must not be blank: "
              + (name == null ? "null" : "'" + name + "'")
              + "; name the scope after the lifetime it stands for, such as 'request'");
    }
    boolean sampled = openedScopes.getAndIncrement() % samplingInterval == 0;
    CallSite site = sampled ? CallSite.capture(LeakDetector::isScopeFrame) : null;
    return new Scope(this, name, site);
  }

  /** Returns how many scopes in a row share one sampled creation site. */
  public int samplingInterval() {
    return samplingInterval;
  }

  @Override
  public String toString() {
    return "LeakDetector{samplingInterval=" + samplingInterval + ", listener=" + listener + "}";
  }

  /** Returns how many tracked values have been found collected or reported as escaped. */
  long finishedEscapeChecks() {
    return finishedEscapeChecks.get();
  }

  /** Starts watching a value of a closed scope for an escape. */
  void watchForEscape(Object marker, WeakReference<Object> value, Scope.Identity scope) {
    CLEANER.register(marker, new EscapeCheck(this, value, scope, true));
  }

  void reportNotClosed(Scope.Identity scope, List<String> resourceTypes) {
    if (listener.isEnabled()) {
      deliver(
          new LeakReport(
              LeakReport.Kind.SCOPE_NOT_CLOSED,
              scope.name(),
              scope.site(),
              resourceTypes,
              -1,
              LeakReport.fingerprint(
                  LeakReport.Kind.SCOPE_NOT_CLOSED, scope.name(), resourceTypes)));
    }
  }

  private void reportEscape(Scope.Identity scope, Object value) {
    if (listener.isEnabled()) {
      List<String> types = List.of(Scope.typeName(value.getClass()));
      long bytes = estimator.deepSize(value);
      deliver(
          new LeakReport(
              LeakReport.Kind.SCOPE_ESCAPE,
              scope.name(),
              scope.site(),
              types,
              bytes,
              LeakReport.fingerprint(LeakReport.Kind.SCOPE_ESCAPE, scope.name(), types)));
    }
  }

  private void deliver(LeakReport report) {
    boolean hasSite = report.creationSite() != null;
    Boolean previous = reportedWithSite.get(report.fingerprint());
    boolean first;
    if (previous == null) {
      first =
          reportedWithSite.size() >= MAX_REMEMBERED_LEAKS
              || reportedWithSite.putIfAbsent(report.fingerprint(), hasSite) == null;
    } else {
      first = !previous && hasSite && reportedWithSite.replace(report.fingerprint(), false, true);
    }
    if (!first) {
      return;
    }
    try {
      listener.onLeak(report);
    } catch (RuntimeException e) {
      log.warn(
          "leak listener {} threw on a {} report; the detector carries on",
          listener.getClass().getName(),
          report.tag(),
          e);
    }
  }

  private static boolean isScopeFrame(Class<?> type) {
    return type == LeakDetector.class || type == Scope.class;
  }

  /** Checks, once the collector has freed a marker, whether the value it stands for is alive. */
  private static final class EscapeCheck implements Runnable {
    private final LeakDetector detector;
    private final WeakReference<Object> value;
    private final Scope.Identity scope;
    private final boolean firstRound;

    EscapeCheck(
        LeakDetector detector,
        WeakReference<Object> value,
        Scope.Identity scope,
        boolean firstRound) {
      this.detector = detector;
      this.value = value;
      this.scope = scope;
      this.firstRound = firstRound;
    }

    @Override
    public void run() {
      Object alive = value.get();
      if (alive == null) {
        detector.finishedEscapeChecks.incrementAndGet();
      } else if (firstRound) {
        CLEANER.register(new Object(), new EscapeCheck(detector, value, scope, false));
      } else {
        try {
          detector.reportEscape(scope, alive);
        } finally {
          detector.finishedEscapeChecks.incrementAndGet();
        }
      }
    }
  }

  /** A builder of a {@link LeakDetector}. */
  public static final class Builder {
    private int samplingInterval = DEFAULT_SAMPLING_INTERVAL;
    private LeakListener listener = LeakListener.slf4j();
    private SizeEstimator estimator = SizeEstimator.builder().maxObjects(MEASURED_OBJECTS).build();

    private Builder() {}

    /**
     * Records the creation site of one scope in {@code interval}; 1 records every one.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public Builder samplingInterval(int interval) {
      if (interval <= 0) {
        throw new IllegalArgumentException(
            "samplingInterval must be positive: "
                + interval
                + "; use 1 to record the creation site of every scope");
      }
      this.samplingInterval = interval;
      return this;
    }

    /** Sends reports to {@code listener} instead of the SLF4J logger. */
    public Builder listener(LeakListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the estimator that measures escaped values. The default stops at 100,000 objects, so a
     * report on a value that references a large graph gives a lower bound.
     */
    public Builder sizeEstimator(SizeEstimator estimator) {
      this.estimator = Objects.requireNonNull(estimator, "estimator");
      return this;
    }

    public LeakDetector build() {
      return new LeakDetector(this);
    }
  }
}
