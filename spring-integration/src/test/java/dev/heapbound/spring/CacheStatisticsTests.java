package dev.heapbound.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Configuration;

/**
 * Caches built without {@code recordStats()}, as Spring's {@code CaffeineCacheManager} builds them
 * by default, show nothing in metrics, and Spring Boot binds only the caches that exist at startup.
 * heapbound records statistics for every cache and binds each one to Micrometer when it is created.
 */
class CacheStatisticsTests {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  HeapboundCacheAutoConfiguration.class,
                  CacheAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  CacheMetricsAutoConfiguration.class))
          .withUserConfiguration(CachingConfiguration.class)
          .withPropertyValues(
              "heapbound.cache.caches.reports.maximum-bytes=8MB",
              "heapbound.cache.dynamic.enabled=true",
              "heapbound.cache.dynamic.maximum-size=100");

  @Test
  void springCaffeineCacheManager_recordsNoStatisticsByDefault() {
    CaffeineCacheManager springManager = new CaffeineCacheManager("reports");

    CaffeineCache cache = (CaffeineCache) springManager.getCache("reports");

    assertThat(cache.getNativeCache().policy().isRecordingStats()).isFalse();
  }

  @Test
  void everyCache_recordsStatistics() {
    contextRunner.run(
        context -> {
          CacheManager cacheManager = context.getBean(CacheManager.class);

          assertThat(nativePolicyRecordsStats(cacheManager.getCache("reports"))).isTrue();
          assertThat(nativePolicyRecordsStats(cacheManager.getCache("audit"))).isTrue();
        });
  }

  @Test
  void cacheCreatedAfterStartup_boundToMetersWhenCreated() {
    contextRunner.run(
        context -> {
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.find("cache.gets").tag("cache", "audit").meters()).isEmpty();

          Cache audit = context.getBean(CacheManager.class).getCache("audit");
          audit.put("entry-1", "value");
          audit.get("entry-1");
          audit.get("entry-2");

          assertThat(gets(meters, "audit", "hit")).isEqualTo(1.0);
          assertThat(gets(meters, "audit", "miss")).isEqualTo(1.0);
        });
  }

  @Test
  void startupCache_boundOnceBesideSpringBootsCacheMetrics() {
    contextRunner.run(
        context -> {
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Cache reports = context.getBean(CacheManager.class).getCache("reports");
          reports.get("entry-1");

          assertThat(context).hasSingleBean(CacheMetricsRegistrar.class);
          assertThat(meters.find("cache.gets").tag("cache", "reports").meters()).hasSize(2);
          assertThat(gets(meters, "reports", "miss")).isEqualTo(1.0);
        });
  }

  private static boolean nativePolicyRecordsStats(Cache cache) {
    return ((CaffeineCache) cache).getNativeCache().policy().isRecordingStats();
  }

  private static double gets(MeterRegistry meters, String cacheName, String result) {
    return meters
        .get("cache.gets")
        .tag("cache", cacheName)
        .tag("result", result)
        .functionCounter()
        .count();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CachingConfiguration {}
}
