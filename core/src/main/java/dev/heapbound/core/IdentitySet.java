package dev.heapbound.core;

/**
 * An open-addressing set of objects compared by identity, reused across walks on one thread.
 *
 * <p>It never calls {@code hashCode} or {@code equals} on its elements. {@link #clear()} drops
 * every reference, so that a finished walk keeps nothing alive, and releases a table that grew
 * large so that one big graph does not make every later walk pay to clear it.
 */
final class IdentitySet {

  private static final int INITIAL_CAPACITY = 1 << 6;
  private static final int RETAINED_CAPACITY = 1 << 17;

  private Object[] table = new Object[INITIAL_CAPACITY];

  /** The slots in use, in the order they were filled, so that clearing touches only those. */
  private int[] used = new int[INITIAL_CAPACITY >>> 1];

  private int size;

  /** Adds the object and returns {@code true}, or returns {@code false} if it was present. */
  boolean add(Object value) {
    Object[] slots = table;
    int mask = slots.length - 1;
    int index = mix(System.identityHashCode(value)) & mask;
    while (true) {
      Object slot = slots[index];
      if (slot == null) {
        slots[index] = value;
        used[size] = index;
        if (++size >= (slots.length >>> 1)) {
          grow();
        }
        return true;
      } else if (slot == value) {
        return false;
      }
      index = (index + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  void clear() {
    if (table.length > RETAINED_CAPACITY) {
      table = new Object[INITIAL_CAPACITY];
      used = new int[INITIAL_CAPACITY >>> 1];
    } else {
      for (int i = 0; i < size; i++) {
        table[used[i]] = null;
      }
    }
    size = 0;
  }

  private void grow() {
    Object[] old = table;
    int[] oldUsed = used;
    Object[] slots = new Object[old.length << 1];
    int[] newUsed = new int[slots.length >>> 1];
    int mask = slots.length - 1;
    for (int i = 0; i < size; i++) {
      Object value = old[oldUsed[i]];
      int index = mix(System.identityHashCode(value)) & mask;
      while (slots[index] != null) {
        index = (index + 1) & mask;
      }
      slots[index] = value;
      newUsed[i] = index;
    }
    table = slots;
    used = newUsed;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
