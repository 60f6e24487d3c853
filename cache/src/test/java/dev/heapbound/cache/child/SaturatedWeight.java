package dev.heapbound.cache.child;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.core.SizeEstimator;

/** Caches one value whose deep size exceeds {@code Integer.MAX_VALUE} bytes and prints figures. */
public final class SaturatedWeight {

  private SaturatedWeight() {}

  public static void main(String[] args) {
    byte[][] value = {new byte[1 << 30], new byte[1 << 30], new byte[1 << 28]};
    Cache<String, byte[][]> cache =
        BoundedCacheBuilder.newBuilder("huge")
            .maximumBytes(Long.MAX_VALUE / 2)
            .executor(Runnable::run)
            .build();
    cache.put("huge", value);
    cache.cleanUp();
    System.out.println("deepSize=" + SizeEstimator.defaults().deepSize(value));
    System.out.println(
        "weightedBytes=" + cache.policy().eviction().orElseThrow().weightedSize().getAsLong());
    System.out.println("entries=" + cache.estimatedSize());
  }
}
