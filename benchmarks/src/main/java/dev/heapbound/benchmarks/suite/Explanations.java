package dev.heapbound.benchmarks.suite;

/**
 * The reasons a target can be missed and the changes that would close the gap, which the results
 * page prints under a missed target. Each text describes a mechanism of the code measured, not one
 * run's numbers, which are in the tables.
 */
final class Explanations {

  /** heapbound's walk clears its whole identity table after every measurement. */
  private static final String CLEAR_COST =
      "Every heapbound walk ends with `IdentitySet.clear()`, which nulls every slot of the"
          + " thread's identity table: at least 1,024 slots, and up to 16,384 after a large walk"
          + " on the same thread, because the table keeps its grown size up to that capacity."
          + " Storing null into a reference array costs about a nanosecond per slot under G1's"
          + " write barriers, so each measurement pays one to sixteen microseconds whatever the"
          + " size of the graph (a JFR profile of `measure(Integer, byte[])` spends nine tenths of"
          + " its samples in that `Arrays.fill`).";

  private static final String CLEAR_FIX =
      "Recording the slot of each insertion and nulling only those slots in `clear()` makes"
          + " the cost proportional to the objects walked instead of to the table capacity.";

  static final String BYTES =
      "heapbound and JOL must report the same bytes for the same graph; the bytes table shows"
          + " which graph differs and by how much, and `SizeEstimatorJolTest` in core is where a"
          + " graph of that shape belongs as a test case.";

  static final String JOL_MAGIC =
      "JOL 0.17 reads each field with `Field.get`, then with `setAccessible(true)`, and only"
          + " then through `Unsafe`, so a field of a `java.base` class that is not opened costs it"
          + " two exceptions. Graphs of JDK collections and strings pay that on nearly every"
          + " object, and there the ratio is highest. The list of records and the list of visits"
          + " consist mostly of the application's own classes, whose fields reflection reads"
          + " without an exception, so JOL without opened modules is barely slower there than with"
          + " them, and the ratio is the ratio of the two walks. On the two reports the fixed cost"
          + " of each heapbound walk dominates. "
          + CLEAR_COST
          + " "
          + CLEAR_FIX
          + " That closes the gap on the small graphs; on graphs of the application's own classes"
          + " no estimator can be 100 times faster than JOL's reflective walk, because that would"
          + " take well under a nanosecond per object, less than one identity-hash lookup.";

  static final String JOL_OPENED =
      "With `java.base` opened JOL reads every field without an exception, and its time is that"
          + " of its walk: JOL 0.17's `GraphLayout` creates a path record for each object it"
          + " visits, keeps the records in a list and then sums their sizes. "
          + CLEAR_COST
          + " On the small graphs that fixed cost is most of heapbound's time; on the large ones"
          + " heapbound's own per-object work adds two `ClassValue` lookups per object (one in"
          + " `admit`, one in `drain`) and a push and a pop even for objects without reference"
          + " fields. "
          + CLEAR_FIX
          + " Passing the looked-up layout from `admit` to `drain`, and counting objects without"
          + " reference fields in `admit` instead of pushing them, would lower the cost per object.";

  static final String JAMM =
      "jamm reads fields through `Field` objects or `Unsafe` for each object, which costs more per"
          + " object than heapbound's cached offsets, so a miss means heapbound's fixed cost per"
          + " walk outweighs that on the graph named. "
          + CLEAR_COST
          + " "
          + CLEAR_FIX;

  static final String EHCACHE =
      "Ehcache's sizeof caches each class's fields but reads values by reflection and sizes"
          + " objects through its agent, so a miss means heapbound's fixed cost per walk outweighs"
          + " that on the graph named. "
          + CLEAR_COST
          + " "
          + CLEAR_FIX;

  static final String GET =
      "A heapbound cache is Caffeine's own cache, so a get runs no heapbound code, but heapbound"
          + " always sets `recordStats()`, which adds a striped counter increment to every get."
          + " The column with `recordStats()` shows the cost of statistics alone. Closing the gap"
          + " means making statistics optional, which would give up the always-on metrics, or"
          + " counting hits and misses in a cheaper way than Caffeine's `ConcurrentStatsCounter`.";

  static final String PUT =
      "A put on a size bound runs no heapbound code except on eviction, where heapbound's"
          + " eviction listener checks whether debug logging is on, and statistics count the"
          + " eviction. The column with `recordStats()` separates the two costs. Closing the gap"
          + " means making statistics optional, or registering the eviction listener only when"
          + " debug logging or a user's listener needs it.";

  static final String BYTE_PUT =
      "heapbound weighs each entry by walking its key and value, here an `Integer` and a"
          + " `byte[]`, two objects. "
          + CLEAR_COST
          + " A raw Caffeine put with a hand-written weigher takes a few hundred nanoseconds, so"
          + " that fixed cost decides the ratio, whatever the size of the value. "
          + CLEAR_FIX;

  static final String MEMORY =
      "heapbound builds Caffeine's own cache and adds no field to its nodes, so a difference per"
          + " entry means Caffeine chose a different node class, for example because heapbound"
          + " set a feature that raw Caffeine was not given. The empty-cache columns show"
          + " heapbound's cost per cache: its registration, weigher and eviction listener.";

  private Explanations() {}
}
