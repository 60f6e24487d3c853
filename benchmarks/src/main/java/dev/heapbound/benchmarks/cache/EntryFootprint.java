package dev.heapbound.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * The heap a cache uses for its own structure, apart from the keys and values it holds, measured
 * with JOL's {@code GraphLayout} when empty and when holding {@link #ENTRIES} entries.
 *
 * <p>Both caches run maintenance on the calling thread ({@code executor(Runnable::run)}), so that
 * every write is applied when it returns and the fork-join pool is not reachable from the cache.
 * Keys are distinct {@code Integer}s and values distinct 64-byte arrays, all reachable from the
 * cache, so the structure is the cache's total minus the keys' and values' total.
 *
 * @param bound how the caches are bounded
 * @param kind the cache measured
 * @param emptyBytes the deep size of the empty cache
 * @param structureBytes the deep size of the full cache minus its keys and values
 */
public record EntryFootprint(Bound bound, CacheKind kind, long emptyBytes, long structureBytes) {

  /** The number of entries a full cache holds. */
  public static final int ENTRIES = 10_000;

  static final int VALUE_BYTES = 64;

  /** The bounds under which entry footprints are compared. */
  public enum Bound {
    /** {@code maximumSize(20000)} for both caches. */
    SIZE("maximumSize(20000)"),
    /** heapbound's {@code maximumBytes(64 MB)} against Caffeine's weigher of byte[].length. */
    BYTES("maximumBytes(64 MB) / maximumWeight(64 MB) with a byte[].length weigher");

    private final String description;

    Bound(String description) {
      this.description = description;
    }

    /** Returns the configuration as the results page shows it. */
    public String description() {
      return description;
    }
  }

  /** Returns the bytes of cache structure per entry held. */
  public double bytesPerEntry() {
    return (double) (structureBytes - emptyBytes) / ENTRIES;
  }

  /** Builds the cache, measures it empty, fills it and measures it again. */
  public static EntryFootprint measure(Bound bound, CacheKind kind) {
    Cache<Integer, byte[]> cache =
        bound == Bound.SIZE
            ? kind.sizeBound(2L * ENTRIES, Runnable::run)
            : kind.byteBound(64L << 20, Runnable::run);
    cache.cleanUp();
    long empty = GraphLayout.parseInstance(cache).totalSize();

    List<Object> data = new ArrayList<>(2 * ENTRIES);
    for (int i = 0; i < ENTRIES; i++) {
      Integer key = Integer.valueOf(1_000_000 + i);
      byte[] value = new byte[VALUE_BYTES];
      cache.put(key, value);
      data.add(key);
      data.add(value);
    }
    cache.cleanUp();
    if (cache.estimatedSize() != ENTRIES) {
      throw new IllegalStateException(
          "footprint of the "
              + kind
              + " cache is invalid: expected "
              + ENTRIES
              + " entries but found "
              + cache.estimatedSize()
              + "; raise the bound so that no entry is evicted");
    }
    long full = GraphLayout.parseInstance(cache).totalSize();
    long keysAndValues = GraphLayout.parseInstance(data.toArray()).totalSize();
    return new EntryFootprint(bound, kind, empty, full - keysAndValues);
  }

  /** Parses a line that {@link #toLine()} wrote. */
  public static EntryFootprint parse(String line) {
    String[] fields = line.split("\t");
    if (fields.length != 5 || !fields[0].equals("footprint")) {
      throw new IllegalArgumentException(
          "invalid footprint line: expected 5 tab-separated fields starting with footprint, found "
              + fields.length
              + " fields");
    }
    return new EntryFootprint(
        Bound.valueOf(fields[1]),
        CacheKind.valueOf(fields[2]),
        Long.parseLong(fields[3]),
        Long.parseLong(fields[4]));
  }

  /** Formats the footprint as one tab-separated line that starts with {@code footprint}. */
  public String toLine() {
    return String.join(
        "\t",
        "footprint",
        bound.name(),
        kind.name(),
        Long.toString(emptyBytes),
        Long.toString(structureBytes));
  }
}
