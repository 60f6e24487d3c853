package dev.heapbound.testkit;

import dev.heapbound.core.AllocationMeter;
import dev.heapbound.core.CallAllocation;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Asserts how many bytes a call allocates on the current thread, measured by {@link
 * AllocationMeter}. {@link #allocatesAtMostBytesPerCall} measures after a warm-up, so that the JIT
 * compiler's escape analysis has had the chance to remove temporary objects.
 */
public final class AllocationAssert extends AbstractAssert<AllocationAssert, Runnable> {

  /** Measurements before a per-call assertion fails, since the JIT compiler can be late. */
  private static final int ATTEMPTS = 3;

  AllocationAssert(Runnable call) {
    super(call, AllocationAssert.class);
  }

  /**
   * Passes if the call allocates at most {@code maxBytes} bytes per call after a warm-up. A call
   * over the limit is measured up to three times in all, each time after more warm-up, before the
   * assertion fails, because the JIT compiler can be late on a busy machine.
   *
   * @see AllocationMeter#perCall(Runnable)
   */
  public AllocationAssert allocatesAtMostBytesPerCall(long maxBytes) {
    isNotNull();
    CallAllocation allocation = AllocationMeter.perCall(actual);
    for (int attempt = 1; attempt < ATTEMPTS && allocation.bytesPerCall() > maxBytes; attempt++) {
      allocation = AllocationMeter.perCall(actual);
    }
    if (allocation.bytesPerCall() > maxBytes) {
      failWithMessage(
          "%s",
          String.format(
              Locale.ROOT,
              "expected the call to allocate at most %,d bytes per call after warm-up, but it"
                  + " allocated %,.1f (%s)",
              maxBytes,
              allocation.bytesPerCall(),
              allocation));
    }
    return this;
  }

  /** Passes if the call allocates nothing per call after a warm-up. */
  public AllocationAssert allocatesNothingPerCall() {
    return allocatesAtMostBytesPerCall(0);
  }

  /** Passes if one run of the call, cold, allocates at most {@code maxBytes} bytes. */
  public AllocationAssert allocatesAtMostBytes(long maxBytes) {
    isNotNull();
    long bytes = AllocationMeter.allocatedBytes(actual);
    if (bytes > maxBytes) {
      failWithMessage(
          "%s",
          String.format(
              Locale.ROOT,
              "expected the call to allocate at most %,d bytes, but it allocated %,d",
              maxBytes,
              bytes));
    }
    return this;
  }
}
