package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerTest {

  private final CacheRegistry registry = new CacheRegistry();

  @Test
  void throwingRemovalListener_neverBreaksCache() {
    Cache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(2)
            .registry(registry)
            .executor(Runnable::run)
            .<Integer, String>removalListener(
                (key, value, cause) -> {
                  throw new IllegalStateException("listener broke");
                })
            .build();

    try (LogCapture logs = LogCapture.heapbound()) {
      for (int i = 0; i < 20; i++) {
        cache.put(i, "study-" + i);
      }
      cache.invalidate(19);
      cache.cleanUp();

      assertThat(cache.estimatedSize()).isLessThanOrEqualTo(2);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> !logs.messages(Level.WARN).isEmpty());
      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "removalListener of cache 'studies' threw; the cache keeps serving, and later"
                  + " failures of its callbacks are logged at debug");
      assertThat(logs.events().stream().filter(e -> e.getLevel() == Level.WARN))
          .allSatisfy(
              event ->
                  assertThat(event.getThrowableProxy().getMessage())
                      .isEqualTo(
                          "java.lang.IllegalStateException (message withheld: it may contain a"
                              + " key or value)"));
      assertThat(logs.everything()).doesNotContain("listener broke");
    }
    cache.put(100, "study-100");
    assertThat(cache.getIfPresent(100)).isEqualTo("study-100");
  }

  @Test
  void stalledRemovalListener_blocksNeitherWritersNorMemory() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger notified =
        new java.util.concurrent.atomic.AtomicInteger();
    Cache<Integer, byte[]> cache =
        BoundedCacheBuilder.newBuilder("reports")
            .maximumBytes(4L << 20)
            .registry(registry)
            .<Integer, byte[]>removalListener(
                (key, value, cause) -> {
                  try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  notified.incrementAndGet();
                })
            .build();

    try (LogCapture logs = LogCapture.heapbound()) {
      java.util.concurrent.CompletableFuture<Void> writes =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 600; i++) {
                  cache.put(i, new byte[64 * 1024]);
                }
              });

      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(50))
          .until(writes::isDone);
      assertThat(release.getCount()).as("listener still stalled").isOne();
      assertThat(writes).isCompleted();
      assertThat(logs.messages(Level.WARN))
          .anySatisfy(
              message ->
                  assertThat(message)
                      .startsWith(
                          "removalListener of cache 'reports' is 256 notifications behind"));
    } finally {
      release.countDown();
    }
    cache.cleanUp();
    assertThat(cache.policy().eviction().orElseThrow().weightedSize().getAsLong())
        .isLessThanOrEqualTo(4L << 20);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> notified.get() >= ListenerDispatcher.QUEUE_CAPACITY);
  }

  @Test
  void evictionListener_runsSynchronouslyWithCause() {
    List<RemovalCause> causes = new ArrayList<>();
    Cache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(1)
            .registry(registry)
            .executor(Runnable::run)
            .<Integer, String>evictionListener((key, value, cause) -> causes.add(cause))
            .build();

    cache.put(1, "a");
    cache.put(2, "b");

    assertThat(causes).containsExactly(RemovalCause.SIZE);
  }

  @Test
  void throwingEvictionListener_keepsBoundAndServes() {
    Cache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(2)
            .registry(registry)
            .executor(Runnable::run)
            .<Integer, String>evictionListener(
                (key, value, cause) -> {
                  throw new IllegalStateException("listener broke");
                })
            .build();

    for (int i = 0; i < 20; i++) {
      cache.put(i, "study-" + i);
    }

    assertThat(cache.estimatedSize()).isLessThanOrEqualTo(2);
    assertThat(cache.getIfPresent(19)).isEqualTo("study-19");
  }

  @Test
  void eviction_isLoggedAtDebugWithoutKeyOrValue() {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(1)
            .registry(registry)
            .executor(Runnable::run)
            .build();

    try (LogCapture logs = LogCapture.heapbound()) {
      cache.put("PATIENT-KEY-1", "PATIENT-VALUE-1");
      cache.put("PATIENT-KEY-2", "PATIENT-VALUE-2");

      assertThat(logs.messages(Level.DEBUG)).contains("cache 'studies' evicted an entry (SIZE)");
      assertThat(logs.everything()).doesNotContain("PATIENT-");
      assertThat(logs.messages(Level.INFO)).isEmpty();
    }
  }
}
