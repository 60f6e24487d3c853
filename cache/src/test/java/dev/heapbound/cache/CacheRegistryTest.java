package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CacheRegistryTest {

  private final CacheRegistry registry = new CacheRegistry();

  @Test
  void caches_listNameEntriesBytesAndBounds() {
    Cache<String, byte[]> reports =
        BoundedCacheBuilder.newBuilder("reports").maximumBytes(8L << 20).registry(registry).build();
    Cache<String, String> studies =
        BoundedCacheBuilder.newBuilder("studies").maximumSize(100).registry(registry).build();
    reports.put("a", new byte[1000]);
    studies.put("s", "study");
    studies.getIfPresent("s");
    studies.getIfPresent("t");

    List<CacheSummary> caches = registry.caches();

    assertThat(caches).extracting(CacheSummary::name).containsExactly("reports", "studies");
    CacheSummary first = caches.get(0);
    assertThat(first.entries()).isEqualTo(1);
    assertThat(first.weightedBytes().getAsLong()).isGreaterThan(1000);
    assertThat(first.bounds().toString()).isEqualTo("maximumBytes=8 MB");
    CacheSummary second = caches.get(1);
    assertThat(second.weightedBytes()).isEqualTo(OptionalLong.empty());
    assertThat(second.bounds().toString()).isEqualTo("maximumSize=100");
    assertThat(second.hitRate()).isEqualTo(0.5);
  }

  @Test
  void droppedCache_isCollectedAndLeavesRegistry() {
    WeakReference<Cache<String, String>> reference = buildAndDrop("sessions");

    Gc.awaitCollected(reference);

    assertThat(registry.names()).doesNotContain("sessions");
    assertThat(registry.lookup("sessions")).isEmpty();
  }

  @Test
  void droppedCache_nameCanBeReused() {
    WeakReference<Cache<String, String>> reference = buildAndDrop("sessions");
    Gc.awaitCollected(reference);

    Cache<String, String> again =
        BoundedCacheBuilder.newBuilder("sessions").maximumSize(5).registry(registry).build();

    assertThat(registry.lookup("sessions")).containsSame(again);
  }

  @Test
  void global_isDefaultRegistry() {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder("registry-test-global").maximumSize(5).build();

    assertThat(CacheRegistry.global().lookup("registry-test-global")).containsSame(cache);
  }

  private WeakReference<Cache<String, String>> buildAndDrop(String name) {
    Cache<String, String> cache =
        BoundedCacheBuilder.newBuilder(name).maximumSize(5).registry(registry).build();
    cache.put("k", "v");
    assertThat(registry.names()).contains(name);
    return new WeakReference<>(cache);
  }
}
