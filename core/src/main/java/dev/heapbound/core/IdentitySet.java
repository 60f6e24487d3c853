package dev.heapbound.core;

import java.util.Arrays;

/**
 * An open-addressing set of objects compared by identity, reused across walks on one thread.
 *
 * <p>It never calls {@code hashCode} or {@code equals} on its elements. {@link #clear()} drops
 * every reference, so that a finished walk keeps nothing alive, and releases a table that grew
 * large so that one big graph does not make every later walk pay to clear it.
 */
final class IdentitySet {

  private static final int INITIAL_CAPACITY = 1 << 10;
  private static final int RETAINED_CAPACITY = 1 << 14;

  private Object[] table = new Object[INITIAL_CAPACITY];
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
        if (++size > (slots.length >>> 1)) {
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
    } else if (size > 0) {
      Arrays.fill(table, null);
    }
    size = 0;
  }

  private void grow() {
    Object[] old = table;
    Object[] slots = new Object[old.length << 1];
    int mask = slots.length - 1;
    for (Object value : old) {
      if (value != null) {
        int index = mix(System.identityHashCode(value)) & mask;
        while (slots[index] != null) {
          index = (index + 1) & mask;
        }
        slots[index] = value;
      }
    }
    table = slots;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
