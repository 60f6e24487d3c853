package dev.heapbound.core;

import java.util.Locale;

/**
 * The bytes a call allocated, as {@link AllocationMeter#perCall(Runnable)} measured them.
 *
 * @param firstCallBytes the bytes the first call allocated, including one-time work such as class
 *     initialization
 * @param coldBytesPerCall the mean bytes per call over the calls right after the first, before the
 *     optimizing JIT compiler had compiled the call
 * @param bytesPerCall the mean bytes per call after the warm-up, in the lowest measured round. Zero
 *     means that the compiled call allocates nothing: escape analysis removed its allocations, or
 *     it has none
 * @param calls how many times the call ran in all
 */
public record CallAllocation(
    long firstCallBytes, double coldBytesPerCall, double bytesPerCall, long calls) {

  /** Returns whether the call allocated nothing after the warm-up. */
  public boolean allocationFree() {
    return bytesPerCall == 0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "first call %,d bytes, %,.1f bytes per call cold, %,.1f after warm-up (%,d calls)",
        firstCallBytes,
        coldBytesPerCall,
        bytesPerCall,
        calls);
  }
}
