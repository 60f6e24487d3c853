package dev.heapbound.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.child.Payload;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** heapbound must not keep alive the class loader of the types its caches held. */
class ClassLoaderLeakTest {

  @Test
  void droppedCaches_letClassLoaderUnload() throws Exception {
    WeakReference<ClassLoader> loader = cacheValuesOfThrowawayLoader();

    Gc.awaitCollected(loader);

    assertThat(loader.get()).isNull();
  }

  private static WeakReference<ClassLoader> cacheValuesOfThrowawayLoader() throws Exception {
    URL classes = Payload.class.getProtectionDomain().getCodeSource().getLocation();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass(Payload.class.getName());
    assertThat(type).isNotSameAs(Payload.class);

    CacheRegistry registry = new CacheRegistry();
    Cache<String, Object> bytes =
        BoundedCacheBuilder.newBuilder("payloads").maximumBytes(1 << 20).registry(registry).build();
    Cache<String, Object> trials = CachePresets.trials("trials").registry(registry).build();
    for (int i = 0; i < 10; i++) {
      Object payload = type.getMethod("create", String.class, int.class).invoke(null, "p" + i, 100);
      bytes.put("p" + i, payload);
      trials.put("p" + i, payload);
    }
    assertThat(registry.caches()).hasSize(2);
    assertThat(bytes.policy().eviction().orElseThrow().weightedSize().getAsLong()).isPositive();

    loader.close();
    return new WeakReference<>(loader);
  }
}
