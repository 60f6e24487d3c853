package dev.heapbound.testkit;

import dev.heapbound.core.ReferenceChain;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asserts that an object becomes unreachable, after an optional action, within a timeout.
 *
 * <p>{@link #becomesUnreachable()} gets the object from the supplier, runs the action with it, and
 * then keeps only a weak reference. It calls {@code System.gc()} and waits for the reference to be
 * cleared, repeating until the timeout. When the object is still reachable then, the failure
 * message shows a chain of references from one of the given roots or static fields to it, if one
 * exists, such as {@code ReportService.REPORTS (java.util.HashMap) -> .table
 * (java.util.HashMap$Node[]) -> [3] (java.util.HashMap$Node) -> .value (com.example.Report)}.
 *
 * <p><b>Note:</b> a supplier that captures the object, for example {@code () -> report} for a local
 * variable {@code report}, keeps it reachable for as long as the lambda lives. Create or look up
 * the object inside the supplier.
 *
 * @param <T> the object's type
 */
public final class ReachabilityAssert<T> {

  /** How long {@link #becomesUnreachable()} waits, by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 50;

  private final Supplier<? extends T> supplier;
  private final Map<String, Object> roots = new LinkedHashMap<>();
  private final List<Class<?>> classes = new ArrayList<>();
  private Consumer<? super T> action = object -> {};
  private Duration timeout = DEFAULT_TIMEOUT;

  ReachabilityAssert(Supplier<? extends T> supplier) {
    this.supplier = Objects.requireNonNull(supplier, "supplier");
  }

  /** Runs {@code action} with the object before waiting for it to become unreachable. */
  public ReachabilityAssert<T> after(Consumer<? super T> action) {
    this.action = Objects.requireNonNull(action, "action");
    return this;
  }

  /** Searches the static fields of {@code types} for a holder when the assertion fails. */
  public ReachabilityAssert<T> searchingStaticFieldsOf(Class<?>... types) {
    for (Class<?> type : types) {
      classes.add(Objects.requireNonNull(type, "type"));
    }
    return this;
  }

  /**
   * Searches from {@code root}, shown as {@code name}, for a holder when the assertion fails. The
   * assertion keeps the root strongly until it finishes.
   */
  public ReachabilityAssert<T> searchingFrom(String name, Object root) {
    roots.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(root, "root"));
    return this;
  }

  /**
   * Sets how long to wait for the object to become unreachable.
   *
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public ReachabilityAssert<T> within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "timeout must be positive: " + timeout + "; the default is " + DEFAULT_TIMEOUT);
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Passes once the object is unreachable.
   *
   * @throws AssertionError if the object is still reachable at the timeout, or the supplier
   *     returned {@code null}
   */
  public void becomesUnreachable() {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    Probe probe = createAndRunAction(queue);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (probe.reference.get() != null && System.nanoTime() < deadline) {
      System.gc();
      try {
        if (queue.remove(POLL_MILLIS) != null) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the object to be collected", e);
      }
    }
    Object survivor = probe.reference.get();
    if (survivor != null) {
      throw new AssertionError(describeFailure(survivor, probe.type));
    }
  }

  /** Gets the object and runs the action in a frame of its own, so no local keeps it alive. */
  private Probe createAndRunAction(ReferenceQueue<Object> queue) {
    T object = supplier.get();
    if (object == null) {
      throw new AssertionError("expected the supplier to return an object, but it returned null");
    }
    action.accept(object);
    return new Probe(new WeakReference<>(object, queue), object.getClass().getName());
  }

  private String describeFailure(Object survivor, String type) {
    Map<String, Object> searched = new LinkedHashMap<>(ReferenceChain.staticFields(classes));
    searched.putAll(roots);
    Optional<ReferenceChain> chain =
        ReferenceChain.find(survivor, searched, ReferenceChain.DEFAULT_MAX_OBJECTS);
    String expected =
        "expected the object (" + type + ") to become unreachable within " + timeout + ", but";
    if (chain.isPresent()) {
      return expected + " it is still reachable through " + chain.get();
    }
    return expected
        + " it is still reachable, and no chain was found from "
        + (searched.isEmpty() ? "any root" : String.join(", ", searched.keySet()))
        + "; pass the class or object that holds it to searchingStaticFieldsOf or searchingFrom";
  }

  private record Probe(WeakReference<Object> reference, String type) {}
}
