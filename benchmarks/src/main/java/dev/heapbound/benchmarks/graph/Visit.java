package dev.heapbound.benchmarks.graph;

import java.time.temporal.ChronoUnit;

/**
 * One planned visit of a study schedule. Every field refers to a shared object: an enum constant, a
 * cached {@code Integer} or {@code Boolean}, or an interned string literal.
 *
 * @param status the state of the visit
 * @param arm the treatment arm
 * @param window the unit of the visit window, a JDK enum constant
 * @param week the study week, from the {@code Integer} cache
 * @param remote whether the visit happens remotely
 * @param site the site code, an interned literal
 */
public record Visit(
    VisitStatus status, Arm arm, ChronoUnit window, Integer week, Boolean remote, String site) {

  /** The state of a planned visit. */
  public enum VisitStatus {
    PLANNED,
    CONFIRMED,
    DONE,
    MISSED,
    CANCELLED
  }

  /** A treatment arm of a trial. */
  public enum Arm {
    PLACEBO,
    LOW_DOSE,
    HIGH_DOSE
  }
}
