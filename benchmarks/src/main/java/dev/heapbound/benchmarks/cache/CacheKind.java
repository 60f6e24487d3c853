package dev.heapbound.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.cache.CacheRegistry;
import java.util.concurrent.Executor;

/**
 * The caches under comparison: heapbound's, and raw Caffeine configured as a user would configure
 * it by hand. heapbound always records statistics, so Caffeine is measured with and without them.
 */
public enum CacheKind {
  /** A cache built by {@link BoundedCacheBuilder}, registered in a registry of its own. */
  HEAPBOUND {
    @Override
    <V> Cache<Integer, V> sizeBound(long maximumSize, Executor executor) {
      BoundedCacheBuilder<Object, Object> builder =
          BoundedCacheBuilder.newBuilder(NAME)
              .maximumSize(maximumSize)
              .registry(new CacheRegistry());
      if (executor != null) {
        builder.executor(executor);
      }
      return builder.build();
    }

    @Override
    Cache<Integer, byte[]> byteBound(long maximumBytes, Executor executor) {
      BoundedCacheBuilder<Object, Object> builder =
          BoundedCacheBuilder.newBuilder(NAME)
              .maximumBytes(maximumBytes)
              .registry(new CacheRegistry());
      if (executor != null) {
        builder.executor(executor);
      }
      return builder.build();
    }
  },

  /** Raw Caffeine; a byte bound uses a hand-written weigher of {@code byte[].length}. */
  CAFFEINE {
    @Override
    <V> Cache<Integer, V> sizeBound(long maximumSize, Executor executor) {
      return withExecutor(Caffeine.newBuilder().maximumSize(maximumSize), executor).build();
    }

    @Override
    Cache<Integer, byte[]> byteBound(long maximumBytes, Executor executor) {
      return withExecutor(caffeineByteBound(maximumBytes), executor).build();
    }
  },

  /** Raw Caffeine with {@code recordStats()}, which heapbound always sets. */
  CAFFEINE_WITH_STATS {
    @Override
    <V> Cache<Integer, V> sizeBound(long maximumSize, Executor executor) {
      return withExecutor(Caffeine.newBuilder().maximumSize(maximumSize), executor)
          .recordStats()
          .build();
    }

    @Override
    Cache<Integer, byte[]> byteBound(long maximumBytes, Executor executor) {
      return withExecutor(caffeineByteBound(maximumBytes), executor).recordStats().build();
    }
  };

  private static final String NAME = "benchmark";

  /**
   * Builds a cache bounded to {@code maximumSize} entries.
   *
   * @param executor the maintenance executor, or {@code null} for Caffeine's default
   */
  abstract <V> Cache<Integer, V> sizeBound(long maximumSize, Executor executor);

  /**
   * Builds a cache of byte arrays bounded to {@code maximumBytes}: by deep size for heapbound, by
   * {@code byte[].length} for Caffeine.
   *
   * @param executor the maintenance executor, or {@code null} for Caffeine's default
   */
  abstract Cache<Integer, byte[]> byteBound(long maximumBytes, Executor executor);

  private static Caffeine<Integer, byte[]> caffeineByteBound(long maximumBytes) {
    return Caffeine.newBuilder()
        .maximumWeight(maximumBytes)
        .weigher((Integer key, byte[] value) -> value.length);
  }

  private static <K, V> Caffeine<K, V> withExecutor(Caffeine<K, V> caffeine, Executor executor) {
    return executor == null ? caffeine : caffeine.executor(executor);
  }
}
