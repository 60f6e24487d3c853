package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocationMeterTest {

  private static final int ARRAY_LENGTH = 10_000;

  private static Object sink;
  private static long total;
  private static int counter;

  @Test
  void allocatedBytes_exactForKnownArray() {
    long expected = SizeEstimator.defaults().shallowSize(new byte[ARRAY_LENGTH]);

    // The lowest of several runs leaves out one-time work that a run may trigger, such as linking
    // the lambda; every run allocates the array itself.
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      lowest =
          Math.min(lowest, AllocationMeter.allocatedBytes(() -> sink = new byte[ARRAY_LENGTH]));
    }

    assertThat(lowest).isEqualTo(expected);
  }

  @Test
  void allocatedBytes_zeroForEmptyBlock() {
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      lowest = Math.min(lowest, AllocationMeter.allocatedBytes(() -> {}));
    }

    assertThat(lowest).isZero();
  }

  @Test
  void perCall_zeroForNonEscapingTemporary() {
    // The JIT compiler can be late on a busy machine; each attempt continues the warm-up.
    CallAllocation allocation = AllocationMeter.perCall(() -> total += distance(counter++));
    for (int attempt = 1; attempt < 3 && !allocation.allocationFree(); attempt++) {
      allocation = AllocationMeter.perCall(() -> total += distance(counter++));
    }

    assertThat(allocation.coldBytesPerCall()).isPositive();
    assertThat(allocation.bytesPerCall()).isZero();
    assertThat(allocation.allocationFree()).isTrue();
  }

  @Test
  void perCall_exactForEscapingObject() {
    long pointSize = SizeEstimator.defaults().shallowSize(new Point(1, 2));

    CallAllocation allocation = AllocationMeter.perCall(() -> sink = new Point(counter++, 1));

    assertThat(allocation.coldBytesPerCall()).isGreaterThanOrEqualTo(pointSize);
    assertThat(allocation.bytesPerCall()).isEqualTo(pointSize);
    assertThat(allocation.allocationFree()).isFalse();
  }

  @Test
  void perCall_stopsAfterRoundWithoutAllocation() {
    int[] calls = new int[1];

    CallAllocation allocation = AllocationMeter.perCall(() -> calls[0]++, 10, 100);

    assertThat(allocation.calls()).isEqualTo(calls[0]);
    assertThat(allocation.calls()).isEqualTo(1 + 100 + 10 + 100);
  }

  @Test
  void perCall_keepsMeasuringWhileCallAllocates() {
    int[] calls = new int[1];

    CallAllocation allocation =
        AllocationMeter.perCall(() -> sink = new int[++calls[0] & 7], 10, 100);

    assertThat(allocation.calls()).isEqualTo(calls[0]);
    assertThat(allocation.calls()).isGreaterThanOrEqualTo(1 + 100 + 10 + 5 * 100);
  }

  @Test
  void perCall_negativeWarmupRejected() {
    assertThatThrownBy(() -> AllocationMeter.perCall(() -> {}, -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warmupCalls must not be negative: -1; pass 0 for no warm-up");
  }

  @Test
  void perCall_zeroCallsPerRoundRejected() {
    assertThatThrownBy(() -> AllocationMeter.perCall(() -> {}, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callsPerRound must be positive: 0; measure at least 1 call");
  }

  @Test
  void isSupported_onHotSpot() {
    assertThat(AllocationMeter.isSupported()).isTrue();
  }

  /** Allocates a point that never leaves this method, so escape analysis can remove it. */
  private static long distance(int i) {
    Point point = new Point(i, i + 1);
    return (long) point.x() * point.x() + (long) point.y() * point.y();
  }

  private record Point(int x, int y) {}
}
