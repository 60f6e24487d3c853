package dev.heapbound.core;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Measures the bytes of heap that the current thread allocates, with the JVM's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>Two figures answer two questions, and are reported separately:
 *
 * <ul>
 *   <li>{@link #allocatedBytes(Runnable)}: how much one run of a block allocated, cold or warm,
 *       including what the first run costs (class initialization, lambda linkage, caches filled on
 *       first use);
 *   <li>{@link #perCall(Runnable)}: how much a call allocates once the JIT compiler has compiled
 *       it, after a warm-up.
 * </ul>
 *
 * <p>The counter is exact to the byte for the current thread: it counts every object the thread
 * allocated, inside and outside thread-local allocation buffers, and nothing that other threads
 * allocated. A block that allocates through another thread (an executor, a parallel stream) is not
 * measured by it.
 *
 * <p><b>Zero bytes per call.</b> The JIT compiler's escape analysis proves that some objects never
 * leave the compiled method that creates them (they are not stored in a field, not returned and not
 * passed to a call that is not inlined) and replaces them by their fields in registers. Such a call
 * allocates while it is interpreted and then stops: {@link CallAllocation#coldBytesPerCall()} is
 * above zero and {@link CallAllocation#bytesPerCall()} is zero. An object that escapes, for example
 * into a field or a returned list, is allocated on every call for as long as the program runs. So
 * zero bytes per call means escape analysis removed the allocation, and a figure above zero after a
 * warm-up is garbage that the collector has to reclaim.
 *
 * <p><b>Note:</b> the JIT compiles in background threads, and on a busy machine it can take longer
 * than the warm-up. {@link #perCall} therefore keeps measuring in rounds until the compiler has
 * been idle for a while, and reports the lowest round. On a heavily loaded machine a figure above
 * zero can still fall later.
 */
public final class AllocationMeter {

  /** Calls before the rounds that count, by default. */
  public static final int DEFAULT_WARMUP_CALLS = 20_000;

  /** Calls in one measured round, by default. */
  public static final int DEFAULT_CALLS_PER_ROUND = 1_000;

  private static final int MIN_ROUNDS = 5;
  private static final int MAX_ROUNDS = 1_000_000;
  private static final long MIN_MEASURING_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MIN_JIT_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long MAX_MEASURING_NANOS = TimeUnit.SECONDS.toNanos(5);

  private static final com.sun.management.ThreadMXBean THREADS = load();

  private AllocationMeter() {}

  /** Returns whether this JVM counts allocated bytes per thread. HotSpot does. */
  public static boolean isSupported() {
    return THREADS != null;
  }

  /**
   * Returns the bytes the current thread has allocated since it started.
   *
   * @throws UnsupportedOperationException if this JVM does not count allocated bytes per thread
   */
  public static long currentThreadAllocatedBytes() {
    return threads().getCurrentThreadAllocatedBytes();
  }

  /**
   * Runs {@code block} once on the current thread and returns the bytes it allocated.
   *
   * @throws UnsupportedOperationException if this JVM does not count allocated bytes per thread
   */
  public static long allocatedBytes(Runnable block) {
    Objects.requireNonNull(block, "block");
    com.sun.management.ThreadMXBean threads = threads();
    long before = threads.getCurrentThreadAllocatedBytes();
    block.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  /**
   * Measures the bytes {@code call} allocates per call, with {@value #DEFAULT_WARMUP_CALLS} warm-up
   * calls and rounds of {@value #DEFAULT_CALLS_PER_ROUND} calls.
   *
   * @throws UnsupportedOperationException if this JVM does not count allocated bytes per thread
   * @see #perCall(Runnable, int, int)
   */
  public static CallAllocation perCall(Runnable call) {
    return perCall(call, DEFAULT_WARMUP_CALLS, DEFAULT_CALLS_PER_ROUND);
  }

  /**
   * Measures the bytes {@code call} allocates per call, cold and after a warm-up.
   *
   * <p>The call runs once on its own (the first call), then {@code callsPerRound} times while still
   * cold, then {@code warmupCalls} times unmeasured, and then in rounds of {@code callsPerRound}
   * calls. Measuring stops once a round allocated nothing. It also stops after at least five rounds
   * and 1 s if the JIT compiler has finished no compilation for 500 ms, and after 5 s in any case.
   * The result reports the lowest round, because a round that ran while the JIT compiler was still
   * at work shows allocations that the compiled code no longer makes. A call that allocates on
   * every call therefore takes at least 1 s to measure.
   *
   * @throws IllegalArgumentException if {@code warmupCalls} is negative or {@code callsPerRound} is
   *     not positive
   * @throws UnsupportedOperationException if this JVM does not count allocated bytes per thread
   */
  public static CallAllocation perCall(Runnable call, int warmupCalls, int callsPerRound) {
    Objects.requireNonNull(call, "call");
    if (warmupCalls < 0) {
      throw new IllegalArgumentException(
          "warmupCalls must not be negative: " + warmupCalls + "; pass 0 for no warm-up");
    }
    if (callsPerRound <= 0) {
      throw new IllegalArgumentException(
          "callsPerRound must be positive: " + callsPerRound + "; measure at least 1 call");
    }
    com.sun.management.ThreadMXBean threads = threads();
    long firstCallBytes = allocatedBytes(call);
    double coldBytesPerCall = round(threads, call, callsPerRound);
    for (int i = 0; i < warmupCalls; i++) {
      call.run();
    }

    long calls = 1L + callsPerRound + warmupCalls;
    long start = System.nanoTime();
    long compileTime = jitCompilationMillis();
    long jitIdleSince = start;
    double lowest = Double.MAX_VALUE;
    for (int rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
      lowest = Math.min(lowest, round(threads, call, callsPerRound));
      calls += callsPerRound;
      long now = System.nanoTime();
      long compiled = jitCompilationMillis();
      if (compiled != compileTime) {
        compileTime = compiled;
        jitIdleSince = now;
      }
      boolean settled =
          rounds >= MIN_ROUNDS
              && now - start >= MIN_MEASURING_NANOS
              && now - jitIdleSince >= MIN_JIT_IDLE_NANOS;
      if (lowest == 0 || settled || now - start >= MAX_MEASURING_NANOS) {
        break;
      }
    }
    return new CallAllocation(firstCallBytes, coldBytesPerCall, lowest, calls);
  }

  /**
   * Returns the JIT compiler's total compilation time so far, which stays the same while it is
   * idle, or 0 when the JVM does not report it.
   */
  private static long jitCompilationMillis() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    return compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? compiler.getTotalCompilationTime()
        : 0;
  }

  private static double round(com.sun.management.ThreadMXBean threads, Runnable call, int calls) {
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return (double) (threads.getCurrentThreadAllocatedBytes() - before) / calls;
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (THREADS == null) {
      throw new UnsupportedOperationException(
          "this JVM ("
              + System.getProperty("java.vm.name")
              + ") does not count allocated bytes per thread; allocation metering needs a"
              + " HotSpot JVM with the jdk.management module");
    }
    return THREADS;
  }

  private static com.sun.management.ThreadMXBean load() {
    try {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      if (!(bean instanceof com.sun.management.ThreadMXBean)) {
        return null;
      }
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
      if (!threads.isThreadAllocatedMemorySupported()) {
        return null;
      }
      if (!threads.isThreadAllocatedMemoryEnabled()) {
        threads.setThreadAllocatedMemoryEnabled(true);
      }
      return threads;
    } catch (RuntimeException | LinkageError e) {
      // java.management or jdk.management is not in the module graph, or a security policy denies
      // the bean: metering is then unsupported, which isSupported() reports.
      return null;
    }
  }
}
