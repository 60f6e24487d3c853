package dev.heapbound.examples;

/**
 * A clinical trial in progress, with a made-up id such as {@code TRIAL-0042}.
 *
 * @param id the trial's id
 * @param title a short description of the trial
 */
public record Trial(String id, String title) {

  /** Returns the id of the made-up trial with this number, as in {@code TRIAL-0042}. */
  public static String id(int number) {
    return String.format("TRIAL-%04d", number);
  }
}
