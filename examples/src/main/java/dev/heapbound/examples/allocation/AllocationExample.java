package dev.heapbound.examples.allocation;

import dev.heapbound.core.AllocationMeter;
import dev.heapbound.core.CallAllocation;
import java.util.List;

/**
 * Measures the bytes per call of a method whose results escape and of a loop whose temporaries do
 * not, before and after the JIT compiler has compiled them.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am exec:java
 * -Dexec.mainClass=dev.heapbound.examples.allocation.AllocationExample}, or from an IDE.
 */
public final class AllocationExample {

  private static final int RECORDS_PER_PATIENT = 20;

  /** Keeps each result, as a caller of the history would, so that it escapes. */
  private static volatile List<MedicationRecord> keptHistory;

  private static volatile int written;

  private AllocationExample() {}

  public static void main(String[] args) {
    CallAllocation history = measureHistory();
    CallAllocation formatting = measureFormatting();
    System.out.println("medication history, records kept by the caller: " + history);
    System.out.println("dosage formatting, temporaries inside the loop: " + formatting);
    System.out.println(
        "zero bytes per call after warm-up means that escape analysis removed the temporaries;"
            + " the history's list and records escape, so they are allocated on every call");
  }

  /** Measures {@link MedicationHistory#historyOf} for a caller that keeps each result. */
  static CallAllocation measureHistory() {
    MedicationHistory service = new MedicationHistory(RECORDS_PER_PATIENT);
    int[] patient = {0};
    return AllocationMeter.perCall(() -> keptHistory = service.historyOf(patient[0]++));
  }

  /** Measures {@link MedicationHistory#formatDailyDoses} into a buffer that is reused. */
  static CallAllocation measureFormatting() {
    int[] milligrams = {250, 500, 750, 1000, 125};
    int[] timesPerDay = {1, 2, 3, 2, 1};
    char[] buffer = new char[256];
    return AllocationMeter.perCall(
        () -> written = MedicationHistory.formatDailyDoses(milligrams, timesPerDay, buffer));
  }
}
