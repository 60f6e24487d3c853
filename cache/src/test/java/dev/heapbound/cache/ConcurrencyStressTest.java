package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.core.SizeEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyStressTest {

  private static final int THREADS = 4;
  private static final int OPERATIONS_PER_THREAD = 50_000;
  private static final long MAXIMUM_BYTES = 2L << 20;

  record Report(int id, byte[] body) {}

  @Test
  void byteBound_holdsUnderConcurrentWrites() throws Exception {
    Cache<Integer, Report> cache =
        BoundedCacheBuilder.newBuilder("stress")
            .maximumBytes(MAXIMUM_BYTES)
            .registry(new CacheRegistry())
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = t;
      workers.add(pool.submit(() -> hammer(cache, new SplittableRandom(seed))));
    }
    try {
      for (Future<?> worker : workers) {
        worker.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    cache.cleanUp();
    long weighted = cache.policy().eviction().orElseThrow().weightedSize().getAsLong();
    long sumOfLiveWeights = 0;
    for (Map.Entry<Integer, Report> entry : cache.asMap().entrySet()) {
      sumOfLiveWeights +=
          SizeEstimator.defaults().measure(entry.getKey(), entry.getValue()).bytes();
    }

    assertThat(weighted).isLessThanOrEqualTo(MAXIMUM_BYTES);
    assertThat(weighted).isEqualTo(sumOfLiveWeights);
    assertThat(cache.estimatedSize()).isPositive();
  }

  private static void hammer(Cache<Integer, Report> cache, SplittableRandom random) {
    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
      int key = random.nextInt(512);
      switch (random.nextInt(4)) {
        case 0:
          cache.put(key, new Report(key, new byte[random.nextInt(16 * 1024)]));
          break;
        case 1:
          cache.getIfPresent(key);
          break;
        case 2:
          cache.asMap().replace(key, new Report(key, new byte[random.nextInt(16 * 1024)]));
          break;
        default:
          cache.invalidate(key);
      }
    }
  }
}
