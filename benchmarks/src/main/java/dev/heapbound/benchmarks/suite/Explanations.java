package dev.heapbound.benchmarks.suite;

import java.util.List;

/**
 * The reasons a target can be missed and the changes that would close the gap, which the results
 * page prints under a missed target. Each text describes a mechanism of the code measured, not one
 * run's numbers, which are in the tables.
 */
final class Explanations {

  static final Explanation BYTES =
      new Explanation(
          "heapbound and JOL must report the same bytes for the same graph. The bytes table shows"
              + " the graph that differs, which belongs in core's `SizeEstimatorJolTest` as a case.",
          List.of());

  static final Explanation JOL_MAGIC =
      new Explanation(
          "JOL 0.17 reads a field with `Field.get`, then with `setAccessible(true)`, and only then"
              + " through `Unsafe`, so each field of a `java.base` class that is not opened costs it"
              + " two exceptions. Its time therefore depends on how many objects of a graph are JDK"
              + " objects. The reports and the map consist almost only of strings, collections and"
              + " arrays, but the list of records has two JDK objects among 10,002 and the list of"
              + " visits about a hundred shared JDK objects among 1,100. On those graphs JOL pays"
              + " few exceptions, and the ratio falls towards the ratio of the two walks, which the"
              + " next target compares. The reports have only 29 objects each, so there the fixed"
              + " cost of a heapbound walk, described below, is a large part of heapbound's time."
              + " JOL's walk with opened modules takes tens of nanoseconds"
              + " per object here, so being 100 times faster on a graph of the application's own"
              + " classes would take under a nanosecond per object, less than one identity-hash"
              + " lookup: no walk can meet this target on such graphs.",
          List.of(Cause.FIXED_COST_PER_WALK, Cause.SHARED_REFERENCES));

  static final Explanation JOL_OPENED =
      new Explanation(
          "With `java.base` opened JOL reads every field without an exception, and its time is"
              + " that of its walk: JOL 0.17's `GraphLayout` creates a path record for each object"
              + " it visits, keeps the records in a list and then sums their sizes. heapbound does"
              + " less per object, but not three times less on every graph.",
          List.of(Cause.FIXED_COST_PER_WALK, Cause.SHARED_REFERENCES));

  static final Explanation JAMM =
      new Explanation(
          "jamm reads each field through a `Field` object or `Unsafe` for every object, which"
              + " costs more per object than heapbound's cached offsets, so a miss means that"
              + " heapbound's fixed cost per walk outweighs that on the graph named.",
          List.of(Cause.FIXED_COST_PER_WALK));

  static final Explanation EHCACHE =
      new Explanation(
          "Ehcache's sizeof caches each class's fields but reads values by reflection and sizes"
              + " each object through its agent, so a miss means that heapbound's fixed cost per"
              + " walk outweighs that on the graph named.",
          List.of(Cause.FIXED_COST_PER_WALK));

  static final Explanation GET =
      new Explanation(
          "A heapbound cache is Caffeine's own cache, so a get runs no heapbound code. The"
              + " difference is the statistics that heapbound always records, unless it is noise:"
              + " compare the column of Caffeine with `recordStats()`.",
          List.of(Cause.STATISTICS));

  static final Explanation PUT =
      new Explanation(
          "A put on a size bound runs no heapbound code except on eviction, where heapbound's"
              + " eviction listener checks whether debug logging is on. The column of Caffeine with"
              + " `recordStats()` separates that from the cost of statistics.",
          List.of(Cause.STATISTICS));

  static final Explanation BYTE_PUT =
      new Explanation(
          "heapbound weighs each entry by its deep size, while the hand-written weigher"
              + " only reads the array's length, and a heapbound write also evicts, as described"
              + " below, whatever the size of the value.",
          List.of(Cause.WRITER_EVICTION));

  static final Explanation MEMORY =
      new Explanation(
          "heapbound builds Caffeine's own cache and adds no field to its nodes, so a difference"
              + " per entry means that Caffeine chose a different node class, for example because"
              + " heapbound set a feature that raw Caffeine was not given. The empty-cache columns"
              + " show heapbound's cost per cache: its registration, weigher and eviction listener.",
          List.of());

  private Explanations() {}

  /**
   * The explanation of one kind of miss.
   *
   * @param text why the target is missed, specific to the target
   * @param causes the causes in heapbound's code that the page describes once each
   */
  record Explanation(String text, List<Cause> causes) {}

  /** A cause in heapbound's code of more than one miss, with the change that would remove it. */
  enum Cause {
    FIXED_COST_PER_WALK(
        "Each walk has a fixed cost",
        "Every measurement of a graph takes the thread's scratch space from a"
            + " `ThreadLocal`, enters each object into an open-addressing identity table,"
            + " clears the slots it used when it ends, and allocates its result. On a graph of"
            + " a few dozen objects that fixed cost is a large part of the walk.",
        "Size the identity table from the previous walk on the thread, and return figures"
            + " without allocating a result where the caller needs only the bytes."),

    WRITER_EVICTION(
        "A byte-bounded write pays for its own eviction",
        "An entry of two objects that reference nothing, such as an `Integer` key and a"
            + " `byte[]` value, is weighed without a walk. But a byte-bounded heapbound cache"
            + " runs Caffeine's maintenance, eviction included, on the writing thread, so that"
            + " the bound holds when a write returns; raw Caffeine hands that work to the"
            + " common fork-join pool, on the other core. Without it, a tight loop of 1 MB"
            + " writes ran a child JVM with four times the bound out of memory.",
        "Nothing that keeps the bound: the gap is the price of eviction that keeps up"
            + " with the writer. A user whose values are small can set `executor(...)` to get"
            + " Caffeine's background maintenance back."),

    SHARED_REFERENCES(
        "References to shared objects cost a lookup each",
        "A reference to an enum constant, which is not charged, or to a shared boxed"
            + " value still costs a lookup of its class's layout through a `ClassValue`, and"
            + " for a shared object a probe of the identity table. The list of visits has four"
            + " such references per visit and only 1,100 counted objects, so per counted object"
            + " heapbound does several times the work of a list of plain records.",
        "Keep the last class seen and its layout in the walk, so that a run of references"
            + " to the same class skips the `ClassValue` lookup, and skip enum constants by a"
            + " flag in the layout of the referencing field's declared type where that type is"
            + " an enum."),

    STATISTICS(
        "Statistics are always recorded",
        "heapbound always sets `recordStats()`, which adds a striped counter increment to every"
            + " get, and counts each eviction.",
        "Make statistics a setting that is on by default and can be turned off, at the price of"
            + " the metrics; or count hits and misses more cheaply than Caffeine's"
            + " `ConcurrentStatsCounter`.");

    final String title;
    final String mechanism;
    final String fix;

    Cause(String title, String mechanism, String fix) {
      this.title = title;
      this.mechanism = mechanism;
      this.fix = fix;
    }
  }
}
