package dev.heapbound.testkit;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.function.Supplier;

/**
 * Entry points of heapbound's assertions for tests, in AssertJ's style.
 *
 * <pre>{@code
 * import static dev.heapbound.testkit.HeapAssertions.assertThatCall;
 * import static dev.heapbound.testkit.HeapAssertions.assertThatCache;
 * import static dev.heapbound.testkit.HeapAssertions.assertThatObject;
 *
 * assertThatObject(() -> service.render(request))
 *     .after(report -> service.finish(request))
 *     .searchingStaticFieldsOf(ReportService.class)
 *     .becomesUnreachable();
 * assertThatCall(() -> formatter.format(dose, buffer)).allocatesAtMostBytesPerCall(0);
 * assertThatCache(reports).holdsAtMostBytes(8 << 20);
 * }</pre>
 */
public final class HeapAssertions {

  private HeapAssertions() {}

  /**
   * Starts an assertion on an object that {@code supplier} returns. Taking a supplier keeps the
   * test's own variables from holding the object: the assertion calls it once and keeps only a weak
   * reference to the result.
   */
  public static <T> ReachabilityAssert<T> assertThatObject(Supplier<? extends T> supplier) {
    return new ReachabilityAssert<>(supplier);
  }

  /** Starts an assertion on what {@code call} allocates on the current thread. */
  public static AllocationAssert assertThatCall(Runnable call) {
    return new AllocationAssert(call);
  }

  /** Starts an assertion on the memory that {@code cache} holds. */
  public static CacheMemoryAssert assertThatCache(Cache<?, ?> cache) {
    return new CacheMemoryAssert(cache);
  }
}
