package dev.heapbound.cache.child;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.core.DataSize;

/**
 * Writes 1 MB values in a tight loop into a cache bounded to a few times less than the heap, and
 * prints the weighted size it ends with. Exits with 3 on {@code OutOfMemoryError}.
 */
public final class ByteBurst {

  private ByteBurst() {}

  public static void main(String[] args) {
    long bound = DataSize.parse(args[0]).toBytes();
    int writes = Integer.parseInt(args[1]);
    Cache<Integer, byte[]> cache =
        BoundedCacheBuilder.newBuilder("burst").maximumBytes(bound).build();
    try {
      for (int i = 0; i < writes; i++) {
        cache.put(i, new byte[1 << 20]);
      }
    } catch (OutOfMemoryError e) {
      System.out.println("outcome=OutOfMemoryError");
      System.exit(3);
    }
    cache.cleanUp();
    long weighted = cache.policy().eviction().orElseThrow().weightedSize().getAsLong();
    System.out.println("outcome=finished");
    System.out.println("weightedBytes=" + weighted);
    System.out.println("maximumBytes=" + bound);
  }
}
