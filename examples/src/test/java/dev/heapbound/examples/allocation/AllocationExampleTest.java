package dev.heapbound.examples.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapbound.core.CallAllocation;
import dev.heapbound.core.SizeEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationExampleTest {

  @Test
  void history_allocatesEveryCall() {
    long resultBytes = SizeEstimator.defaults().deepSize(new MedicationHistory(20).historyOf(0));
    long sharedNames =
        SizeEstimator.defaults()
            .deepSize(
                List.of("metformin", "lisinopril", "atorvastatin", "levothyroxine", "amlodipine"));

    CallAllocation allocation = AllocationExample.measureHistory();

    assertThat(allocation.coldBytesPerCall()).isGreaterThan(0);
    assertThat(allocation.bytesPerCall()).isGreaterThanOrEqualTo(resultBytes - sharedNames);
  }

  @Test
  void formatting_allocatesNothingAfterWarmup() {
    // The JIT compiler can be late on a busy machine, so a second measurement may be needed.
    CallAllocation allocation = AllocationExample.measureFormatting();
    for (int attempt = 1; attempt < 3 && !allocation.allocationFree(); attempt++) {
      allocation = AllocationExample.measureFormatting();
    }

    assertThat(allocation.coldBytesPerCall()).isGreaterThan(0);
    assertThat(allocation.bytesPerCall()).isZero();
  }

  @Test
  void formatting_writesDailyDoses() {
    char[] buffer = new char[64];

    int length = MedicationHistory.formatDailyDoses(new int[] {250, 500}, new int[] {3, 2}, buffer);

    assertThat(new String(buffer, 0, length)).isEqualTo("750 mg/day; 1000 mg/day; ");
  }
}
