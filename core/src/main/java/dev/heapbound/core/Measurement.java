package dev.heapbound.core;

/**
 * The result of measuring an object graph: its deep size in bytes, how many objects were counted,
 * and whether the figure is exact.
 *
 * <p>A measurement is an estimate when the walk stopped at the estimator's object budget, and the
 * bytes then cover the objects counted up to the budget, a lower bound. It is also an estimate when
 * a JDK collection in the graph changed while it was walked.
 *
 * @param bytes the deep size in bytes of the objects counted
 * @param objects the number of objects counted, the root included
 * @param estimate {@code true} if the walk stopped before it reached every object, or the graph
 *     changed under it
 */
public record Measurement(long bytes, long objects, boolean estimate) {

  @Override
  public String toString() {
    return (estimate ? "at least " : "") + bytes + " bytes in " + objects + " objects";
  }
}
