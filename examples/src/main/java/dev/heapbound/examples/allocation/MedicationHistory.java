package dev.heapbound.examples.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Two kinds of allocation side by side.
 *
 * <p>{@link #historyOf} returns a list of records that the caller keeps, so the list and every
 * record escape the method and are allocated on every call, however long the program runs. {@link
 * #formatDailyDoses} creates a temporary {@code Dose} and {@code DailyDose} per loop iteration that
 * never leave the loop, so once the JIT compiler has compiled the method, escape analysis replaces
 * them by their fields and the call allocates nothing.
 */
public final class MedicationHistory {

  private static final String[] MEDICATIONS = {
    "metformin", "lisinopril", "atorvastatin", "levothyroxine", "amlodipine"
  };
  private static final String UNIT = " mg/day; ";

  private final int recordsPerPatient;

  /** Creates a history service that returns {@code recordsPerPatient} records per patient. */
  public MedicationHistory(int recordsPerPatient) {
    this.recordsPerPatient = recordsPerPatient;
  }

  /** Returns the medication history of a patient, a new list of new records on every call. */
  public List<MedicationRecord> historyOf(int patientNumber) {
    List<MedicationRecord> history = new ArrayList<>(recordsPerPatient);
    for (int i = 0; i < recordsPerPatient; i++) {
      int index = (patientNumber + i) % MEDICATIONS.length;
      history.add(new MedicationRecord(MEDICATIONS[index], 250 * (index + 1), 1 + i % 3));
    }
    return history;
  }

  /**
   * Writes each daily dose as {@code "750 mg/day; "} into {@code buffer}, starting at 0, and
   * returns the number of characters written.
   *
   * @throws ArrayIndexOutOfBoundsException if the buffer is too small
   */
  public static int formatDailyDoses(int[] milligrams, int[] timesPerDay, char[] buffer) {
    int position = 0;
    for (int i = 0; i < milligrams.length; i++) {
      Dose dose = new Dose(milligrams[i], timesPerDay[i]);
      DailyDose daily = dose.daily();
      position = writeDigits(daily.milligrams(), buffer, position);
      for (int c = 0; c < UNIT.length(); c++) {
        buffer[position++] = UNIT.charAt(c);
      }
    }
    return position;
  }

  private static int writeDigits(int value, char[] buffer, int position) {
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int end = position + digits;
    for (int i = end - 1, rest = value; i >= position; i--, rest /= 10) {
      buffer[i] = (char) ('0' + rest % 10);
    }
    return end;
  }

  /** One dose as prescribed. */
  private record Dose(int milligrams, int timesPerDay) {
    DailyDose daily() {
      return new DailyDose(milligrams * timesPerDay);
    }
  }

  /** The total of a dose over one day. */
  private record DailyDose(int milligrams) {}
}
