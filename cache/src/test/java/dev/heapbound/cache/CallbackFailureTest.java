package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Loaders that throw or hang never break the cache, and their failures are logged once. */
class CallbackFailureTest {

  private final CacheRegistry registry = new CacheRegistry();

  @Test
  void throwingLoader_failsCallerAndLogsOnceWithoutKey() {
    LoadingCache<String, String> cache =
        BoundedCacheBuilder.newBuilder("patients")
            .maximumSize(10)
            .registry(registry)
            .build(
                key -> {
                  if (key.startsWith("PATIENT-BAD")) {
                    throw new IllegalStateException("no record for " + key);
                  }
                  return "record";
                });

    try (LogCapture logs = LogCapture.heapbound()) {
      assertThatThrownBy(() -> cache.get("PATIENT-BAD-1"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> cache.get("PATIENT-BAD-2"))
          .isInstanceOf(IllegalStateException.class);

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "loader of cache 'patients' threw; the cache keeps serving, and later failures of"
                  + " its callbacks are logged at debug");
      assertThat(logs.everything()).doesNotContain("PATIENT-BAD");
    }
    assertThat(cache.get("PATIENT-GOOD")).isEqualTo("record");
  }

  @Test
  void bulkLoader_isStillUsedForGetAll() {
    CacheLoader<Integer, String> bulk =
        new CacheLoader<>() {
          @Override
          public String load(Integer key) {
            throw new AssertionError("single load used instead of bulk");
          }

          @Override
          public Map<Integer, String> loadAll(Set<? extends Integer> keys) {
            Map<Integer, String> loaded = new HashMap<>();
            keys.forEach(key -> loaded.put(key, "study-" + key));
            return loaded;
          }
        };
    LoadingCache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies").maximumSize(10).registry(registry).build(bulk);

    assertThat(cache.getAll(List.of(1, 2))).containsEntry(1, "study-1").containsEntry(2, "study-2");
  }

  @Test
  void singleLoader_servesGetAll() {
    LoadingCache<Integer, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(10)
            .registry(registry)
            .build(key -> "study-" + key);

    assertThat(cache.getAll(List.of(1, 2))).hasSize(2);
  }

  @Test
  void hangingLoader_blocksOnlyItsOwnKey() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LoadingCache<String, String> cache =
        BoundedCacheBuilder.newBuilder("studies")
            .maximumSize(10)
            .expireAfterWrite(Duration.ofMinutes(1))
            .registry(registry)
            .build(
                key -> {
                  if (key.equals("slow")) {
                    release.await(30, TimeUnit.SECONDS);
                  }
                  return "study";
                });

    CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("slow"));
    try {
      assertThat(cache.get("fast")).isEqualTo("study");
      cache.put("other", "value");
      assertThat(cache.getIfPresent("other")).isEqualTo("value");
    } finally {
      release.countDown();
    }

    assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("study");
  }
}
