package dev.heapbound.examples;

/** The storage of the reports that a report service generated. */
interface ReportStore {

  /** Returns the report with this id, generating and storing it if it is not stored. */
  Report report(String id);

  /** Counts the stored reports and the bytes they take, at one moment. */
  Figures figures();

  /** Returns the byte budget of the store, or -1 if it has none. */
  long maximumBytes();

  /** Describes how {@link Figures#bytes()} is measured, for people reading the figures. */
  String bytesMeasure();

  /**
   * The size of a store at one moment.
   *
   * @param entries the number of reports stored
   * @param bytes the bytes they take, measured as {@link #bytesMeasure()} describes
   */
  record Figures(long entries, long bytes) {}
}
