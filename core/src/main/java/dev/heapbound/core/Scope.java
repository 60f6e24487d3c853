package dev.heapbound.core;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A lifetime, such as a request or a job, that owns what is registered in it and releases it when
 * closed.
 *
 * <pre>{@code
 * try (Scope scope = Scope.open("request")) {
 *   InputStream upload = scope.register(openUpload());
 *   scope.onClose(() -> reports.invalidate(reportId));
 *   Report report = scope.track(render(upload));
 *   return report.summary();
 * }
 * }</pre>
 *
 * <p>{@link #close()} releases resources in the reverse order of registration, as nested
 * try-with-resources blocks would. A resource that fails to release does not stop the rest: once
 * all were tried, the first failure is thrown as the cause of a {@link ScopeCloseException}, with
 * every later one suppressed. Closing twice does nothing.
 *
 * <p>A value passed to {@link #track} should become unreachable when the scope closes. If the
 * garbage collector finds it still reachable afterwards, the scope's {@link LeakDetector} reports
 * it as a {@link LeakReport.Kind#SCOPE_ESCAPE}, naming the scope and its creation site and the
 * value's type, never the value. A scope that is garbage-collected without being closed is reported
 * as a {@link LeakReport.Kind#SCOPE_NOT_CLOSED}; its resources are then not released, because
 * closing them on the detector's thread could break code that expects them on its own thread.
 *
 * <p>Instances are safe to use from several threads.
 */
public final class Scope implements AutoCloseable {

  private final LeakDetector detector;
  private final State state;
  private final Cleaner.Cleanable cleanable;

  Scope(LeakDetector detector, String name, CallSite site) {
    this.detector = detector;
    this.state = new State(detector, new Identity(name, site));
    this.cleanable = LeakDetector.CLEANER.register(this, state);
  }

  /**
   * Opens a scope with {@link LeakDetector#global()}.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static Scope open(String name) {
    return LeakDetector.global().open(name);
  }

  /** Returns the scope's name. */
  public String name() {
    return state.identity.name();
  }

  /** Returns where the scope was opened, or {@code null} when its stack was not sampled. */
  public CallSite creationSite() {
    return state.identity.site();
  }

  /**
   * Registers a resource to close when the scope closes, and returns it.
   *
   * <p><b>Note:</b> the scope holds its resources strongly until it closes. A resource that
   * references the scope itself keeps it reachable, so a scope that is never closed is then neither
   * collected nor reported as not closed.
   *
   * @throws IllegalStateException if the scope is closed
   */
  public <T extends AutoCloseable> T register(T resource) {
    Objects.requireNonNull(resource, "resource");
    add(new Release(resource, typeName(resource.getClass())));
    return resource;
  }

  /**
   * Registers an action to run when the scope closes, such as invalidating a cache entry that was
   * written for this scope.
   *
   * @throws IllegalStateException if the scope is closed
   */
  public void onClose(Runnable action) {
    Objects.requireNonNull(action, "action");
    add(new Release(action::run, "onClose action " + typeName(action.getClass())));
  }

  /**
   * Tracks a value that should die with the scope, and returns it. The scope keeps only a weak
   * reference to it.
   *
   * @throws IllegalStateException if the scope is closed
   */
  public <T> T track(T value) {
    Objects.requireNonNull(value, "value");
    synchronized (state) {
      requireOpen();
      state.tracked.add(new Tracked(value));
    }
    return value;
  }

  /** Returns whether the scope was closed. */
  public boolean isClosed() {
    synchronized (state) {
      return state.closed;
    }
  }

  /**
   * Releases every registered resource in reverse order and starts watching tracked values.
   *
   * @throws ScopeCloseException if any resource failed to release, after all were tried
   */
  @Override
  public void close() {
    List<Release> releases;
    List<Tracked> tracked;
    synchronized (state) {
      if (state.closed) {
        return;
      }
      state.closed = true;
      releases = state.releases;
      tracked = state.tracked;
      state.releases = List.of();
      state.tracked = List.of();
    }
    cleanable.clean();
    try {
      List<Throwable> failures = new ArrayList<>();
      List<String> failedTypes = new ArrayList<>();
      for (int i = releases.size() - 1; i >= 0; i--) {
        Release release = releases.get(i);
        try {
          release.closer.close();
        } catch (Throwable failure) {
          failures.add(failure);
          failedTypes.add(release.type);
        }
      }
      for (Tracked value : tracked) {
        detector.watchForEscape(value.marker, value.value, state.identity);
      }
      if (!failures.isEmpty()) {
        throw failure(failures, failedTypes, releases.size());
      }
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  @Override
  public String toString() {
    return "Scope{name=" + name() + (isClosed() ? ", closed" : "") + "}";
  }

  /**
   * Returns a class name that stays the same across runs: a lambda's hidden class loses the address
   * that the JVM appends to its name.
   */
  static String typeName(Class<?> type) {
    String name = type.getTypeName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda) + "$$Lambda";
  }

  private void add(Release release) {
    synchronized (state) {
      requireOpen();
      state.releases.add(release);
    }
  }

  private void requireOpen() {
    if (state.closed) {
      throw new IllegalStateException(
          "scope '" + name() + "' is closed; register and track only while the scope is open");
    }
  }

  /** Returns the exception to throw, or throws a {@link VirtualMachineError} that came first. */
  private RuntimeException failure(List<Throwable> failures, List<String> types, int total) {
    Throwable first = failures.get(0);
    if (first instanceof VirtualMachineError) {
      for (Throwable later : failures.subList(1, failures.size())) {
        first.addSuppressed(later);
      }
      throw (VirtualMachineError) first;
    }
    RuntimeException thrown =
        new ScopeCloseException(
            "scope '"
                + name()
                + "' failed to release "
                + failures.size()
                + " of "
                + total
                + " resources ("
                + String.join(", ", types)
                + "); the others were released, and the first failure is the cause",
            first);
    for (Throwable later : failures.subList(1, failures.size())) {
      thrown.addSuppressed(later);
    }
    return thrown;
  }

  /** The scope's name and creation site, as leak reports show them, without resources or values. */
  record Identity(String name, CallSite site) {}

  private record Release(AutoCloseable closer, String type) {}

  /** A tracked value, held weakly, and the marker that ages with it. */
  private static final class Tracked {
    final WeakReference<Object> value;
    final Object marker = new Object();

    Tracked(Object value) {
      this.value = new WeakReference<>(value);
    }
  }

  /**
   * The scope's mutable part, and the action that runs if the scope is collected while open. It
   * must not reference the scope, or the scope could never be collected.
   */
  private static final class State implements Runnable {
    final LeakDetector detector;
    final Identity identity;
    List<Release> releases = new ArrayList<>();
    List<Tracked> tracked = new ArrayList<>();
    boolean closed;

    State(LeakDetector detector, Identity identity) {
      this.detector = detector;
      this.identity = identity;
    }

    @Override
    public void run() {
      List<String> types;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        types = new ArrayList<>(new TreeSet<>(releases.stream().map(Release::type).toList()));
        releases = List.of();
        tracked = List.of();
      }
      detector.reportNotClosed(identity, types);
    }
  }
}
