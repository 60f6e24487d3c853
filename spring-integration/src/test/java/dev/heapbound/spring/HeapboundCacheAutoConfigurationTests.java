package dev.heapbound.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.heapbound.cache.CacheBounds;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.CacheSummary;
import dev.heapbound.cache.HeapReportEntry;
import dev.heapbound.cache.HeapReporter;
import dev.heapbound.cache.ValueStrength;
import dev.heapbound.core.SizeEstimator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class HeapboundCacheAutoConfigurationTests {

  private static final String UNBOUNDED_REPORTS =
      "cache 'reports' has no eviction bound; set heapbound.cache.caches.reports.maximum-size,"
          + " heapbound.cache.caches.reports.maximum-bytes,"
          + " heapbound.cache.caches.reports.expire-after-write,"
          + " heapbound.cache.caches.reports.expire-after-access or"
          + " heapbound.cache.caches.reports.values=weak";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  HeapboundCacheAutoConfiguration.class, CacheAutoConfiguration.class))
          .withUserConfiguration(CachingConfiguration.class);

  @Test
  void cacheManager_createdWithNoCachesByDefault() {
    contextRunner.run(
        context -> {
          assertThat(context).hasSingleBean(CacheManager.class);
          assertThat(context.getBean(CacheManager.class)).isInstanceOf(HeapboundCacheManager.class);
          assertThat(context.getBean(CacheManager.class).getCacheNames()).isEmpty();
          assertThat(context).hasSingleBean(CacheRegistry.class);
          assertThat(context.getBean(CacheRegistry.class)).isNotSameAs(CacheRegistry.global());
        });
  }

  @Test
  void declaredCache_takesBoundsFromProperties() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.studies.maximum-size=500",
            "heapbound.cache.caches.studies.expire-after-write=10m",
            "heapbound.cache.caches.studies.expire-after-access=2m")
        .run(
            context -> {
              com.github.benmanes.caffeine.cache.Cache<Object, Object> cache =
                  nativeCache(context, "studies");
              Policy<Object, Object> policy = cache.policy();

              assertThat(policy.eviction().orElseThrow().getMaximum()).isEqualTo(500);
              assertThat(policy.expireAfterWrite().orElseThrow().getExpiresAfter())
                  .isEqualTo(Duration.ofMinutes(10));
              assertThat(policy.expireAfterAccess().orElseThrow().getExpiresAfter())
                  .isEqualTo(Duration.ofMinutes(2));
              assertThat(policy.isRecordingStats()).isTrue();
              assertThat(context.getBean(CacheRegistry.class).names()).containsExactly("studies");
            });
  }

  @Test
  void maximumBytes_bindsDataSizeText() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-bytes=256MB")
        .run(
            context -> {
              CacheBounds bounds = summary(context, "reports").bounds();

              assertThat(bounds.maximumBytes()).hasValue(256L * 1024 * 1024);
              assertThat(bounds.maximumSize()).isEmpty();
              assertThat(nativeCache(context, "reports").policy().eviction().orElseThrow())
                  .extracting(Policy.Eviction::getMaximum)
                  .isEqualTo(256L * 1024 * 1024);
            });
  }

  @Test
  void presetReports_keepsDefaultsThatAreNotOverridden() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.preset=reports",
            "heapbound.cache.caches.reports.maximum-bytes=64MB")
        .run(
            context -> {
              CacheBounds bounds = summary(context, "reports").bounds();

              assertThat(bounds.maximumBytes()).hasValue(64L * 1024 * 1024);
              assertThat(bounds.values()).isEqualTo(ValueStrength.SOFT);
              assertThat(bounds.expireAfterWrite()).isEqualTo(Duration.ofMinutes(10));
            });
  }

  @Test
  void presetTrials_valuesOverriddenToStrong() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.trials.preset=trials",
            "heapbound.cache.caches.trials.values=strong")
        .run(
            context -> {
              CacheBounds bounds = summary(context, "trials").bounds();

              assertThat(bounds.values()).isEqualTo(ValueStrength.STRONG);
              assertThat(bounds.expireAfterAccess()).isEqualTo(Duration.ofHours(1));
            });
  }

  @Test
  void weakValues_countAsBound() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.trials.values=weak")
        .run(
            context ->
                assertThat(summary(context, "trials").bounds().values())
                    .isEqualTo(ValueStrength.WEAK));
  }

  @Test
  void userCacheManager_backsOff() {
    contextRunner
        .withUserConfiguration(UserCacheManagerConfiguration.class)
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context -> {
              assertThat(context).hasSingleBean(CacheManager.class);
              assertThat(context).doesNotHaveBean(HeapboundCacheManager.class);
              assertThat(context.getBean(CacheManager.class))
                  .isInstanceOf(ConcurrentMapCacheManager.class);
            });
  }

  @Test
  void enabledFalse_leavesCachingToSpringBoot() {
    contextRunner
        .withPropertyValues("heapbound.cache.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(HeapboundCacheManager.class);
              assertThat(context).doesNotHaveBean(CacheRegistry.class);
              assertThat(context.getBean(CacheManager.class))
                  .isInstanceOf(CaffeineCacheManager.class);
            });
  }

  @Test
  void caffeineMissing_backsOff() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(Caffeine.class))
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(HeapboundCacheManager.class);
              assertThat(context).doesNotHaveBean(CacheRegistry.class);
              assertThat(context.getBean(CacheManager.class))
                  .isInstanceOf(ConcurrentMapCacheManager.class);
            });
  }

  @Test
  void micrometerMissing_bindsNoMeters() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("heapbound.cache.caches.reports.maximum-bytes=8MB")
        .run(
            context -> {
              assertThat(context).hasSingleBean(HeapboundCacheManager.class);
              assertThat(context).doesNotHaveBean(HeapboundCacheMetrics.class);
              assertThat(context.getBean(MeterRegistry.class).getMeters()).isEmpty();
            });
  }

  @Test
  void micrometerPresent_bindsStatisticsAndByteGauges() {
    contextRunner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("heapbound.cache.caches.reports.maximum-bytes=8MB")
        .run(
            context -> {
              Cache cache = context.getBean(CacheManager.class).getCache("reports");
              cache.put("report-1", new byte[1024]);
              cache.get("report-1");
              cache.get("report-2");
              MeterRegistry meters = context.getBean(MeterRegistry.class);

              assertThat(hits(meters, "reports")).isEqualTo(1);
              assertThat(misses(meters, "reports")).isEqualTo(1);
              assertThat(meters.get(HeapboundCacheMetrics.WEIGHT).tag("cache", "reports").gauge())
                  .extracting(gauge -> gauge.value())
                  .isEqualTo((double) summary(context, "reports").weightedBytes().getAsLong());
              assertThat(
                      meters.get(HeapboundCacheMetrics.WEIGHT_MAX).tag("cache", "reports").gauge())
                  .extracting(gauge -> gauge.value())
                  .isEqualTo(8.0 * 1024 * 1024);
              assertThat(
                      meters
                          .get("cache.gets")
                          .tag("cache", "reports")
                          .tag("name", "reports")
                          .tag("cache.manager", "cacheManager")
                          .functionCounters())
                  .hasSize(2);
            });
  }

  @Test
  void sizeCacheWithoutByteBound_hasNoByteGauges() {
    contextRunner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("heapbound.cache.caches.studies.maximum-size=100")
        .run(
            context -> {
              MeterRegistry meters = context.getBean(MeterRegistry.class);

              assertThat(meters.find("cache.size").tag("cache", "studies").gauge()).isNotNull();
              assertThat(meters.find(HeapboundCacheMetrics.WEIGHT).gauges()).isEmpty();
              assertThat(meters.find(HeapboundCacheMetrics.WEIGHT_MAX).gauges()).isEmpty();
            });
  }

  @Test
  void unboundedCache_failsStartupWithPropertyKeys() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.values=strong")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                        "cache 'reports' has no eviction bound; set maximumSize, maximumBytes,"
                            + " expireAfterWrite, expireAfterAccess or weakValues"));
  }

  @Test
  void unboundedCache_reportedByPropertyKeys() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.values=strong")
        .run(
            context -> {
              InvalidCacheSpecException failure = specFailure(context);

              assertThat(failure).hasMessage(UNBOUNDED_REPORTS);
              assertThat(failure.getCacheName()).isEqualTo("reports");
              assertThat(failure.getPropertyPrefix()).isEqualTo("heapbound.cache.caches.reports");
              assertThat(failure.isUnbounded()).isTrue();
            });
  }

  @Test
  void unboundedCache_analyzedWithPropertyKeysToSet() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.values=strong")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new InvalidCacheSpecFailureAnalyzer().analyze(context.getStartupFailure());

              assertThat(analysis.getDescription()).isEqualTo(UNBOUNDED_REPORTS);
              assertThat(analysis.getAction())
                  .isEqualTo(
                      "Give the cache at least one bound by setting one of these properties:\n"
                          + "\theapbound.cache.caches.reports.maximum-size (a number of entries,"
                          + " such as 10000)\n"
                          + "\theapbound.cache.caches.reports.maximum-bytes (a deep size of all"
                          + " entries, such as 256MB)\n"
                          + "\theapbound.cache.caches.reports.expire-after-write (such as 10m)\n"
                          + "\theapbound.cache.caches.reports.expire-after-access (such as 1h)\n"
                          + "\theapbound.cache.caches.reports.values=weak (entries live while"
                          + " their value is referenced elsewhere)\n"
                          + "or choose a preset with heapbound.cache.caches.reports.preset=reports"
                          + " or heapbound.cache.caches.reports.preset=trials.");
            });
  }

  @Test
  void cacheNameWithDots_reportedInBracketNotation() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches[reports.v2].values=strong")
        .run(
            context ->
                assertThat(specFailure(context).getMessage())
                    .startsWith(
                        "cache 'reports.v2' has no eviction bound; set"
                            + " heapbound.cache.caches[reports.v2].maximum-size,"));
  }

  @Test
  void conflictingBounds_failStartupNamingBothKeys() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.maximum-size=10",
            "heapbound.cache.caches.reports.maximum-bytes=1MB")
        .run(
            context -> {
              InvalidCacheSpecException failure = specFailure(context);

              assertThat(failure)
                  .hasMessage(
                      "heapbound.cache.caches.reports.maximum-size conflicts with"
                          + " heapbound.cache.caches.reports.maximum-bytes (cache 'reports');"
                          + " bound the cache by entries or by bytes, not both");
              assertThat(failure.isUnbounded()).isFalse();
            });
  }

  @Test
  void presetReportsWithMaximumSize_replacesPresetByteBound() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.preset=reports",
            "heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context.getBean(CacheRegistry.class).cache("reports").orElseThrow().bounds())
                  .hasToString("maximumSize=10, expireAfterWrite=PT10M, softValues");
            });
  }

  @Test
  void nonPositiveMaximumSize_failsStartup() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=0")
        .run(
            context ->
                assertThat(specFailure(context))
                    .hasMessage(
                        "heapbound.cache.caches.reports.maximum-size must be positive: 0 (cache"
                            + " 'reports'); a cache that holds nothing caches nothing, so remove"
                            + " the cache instead"));
  }

  @Test
  void softValuesWithoutCapacityBound_failStartup() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.values=soft",
            "heapbound.cache.caches.reports.expire-after-write=1m")
        .run(
            context ->
                assertThat(specFailure(context))
                    .hasMessage(
                        "heapbound.cache.caches.reports.values=soft requires"
                            + " heapbound.cache.caches.reports.maximum-size or"
                            + " heapbound.cache.caches.reports.maximum-bytes (cache 'reports')"));
  }

  @Test
  void undeclaredName_rejectedWithClosestName() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.maximum-size=10",
            "heapbound.cache.caches.studies.maximum-size=10")
        .run(
            context ->
                assertThatIllegalArgumentException()
                    .isThrownBy(() -> context.getBean(CacheManager.class).getCache("reprots"))
                    .withMessage(
                        "cache 'reprots' is not declared; did you mean 'reports'? declared caches:"
                            + " reports, studies; to add it, set a bound such as"
                            + " heapbound.cache.caches.reprots.maximum-size, or set"
                            + " heapbound.cache.dynamic.enabled=true to create undeclared caches"
                            + " on demand"));
  }

  @Test
  void undeclaredName_rejectedWithoutSuggestionWhenNothingIsClose() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context ->
                assertThatIllegalArgumentException()
                    .isThrownBy(() -> context.getBean(CacheManager.class).getCache("audit"))
                    .withMessage(
                        "cache 'audit' is not declared; declared caches: reports; to add it, set a"
                            + " bound such as heapbound.cache.caches.audit.maximum-size, or set"
                            + " heapbound.cache.dynamic.enabled=true to create undeclared caches"
                            + " on demand"));
  }

  @Test
  void undeclaredName_rejectedWhenNothingIsDeclared() {
    contextRunner.run(
        context ->
            assertThatIllegalArgumentException()
                .isThrownBy(() -> context.getBean(CacheManager.class).getCache("reports"))
                .withMessage(
                    "cache 'reports' is not declared, and no cache is declared; to add it, set a"
                        + " bound such as heapbound.cache.caches.reports.maximum-size, or set"
                        + " heapbound.cache.dynamic.enabled=true to create undeclared caches on"
                        + " demand"));
  }

  @Test
  void mistypedCacheable_failsCallWithClosestName() {
    contextRunner
        .withUserConfiguration(MistypedCacheableConfiguration.class)
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context ->
                assertThatIllegalArgumentException()
                    .isThrownBy(() -> context.getBean(MistypedReports.class).report("report-1"))
                    .withMessageStartingWith(
                        "cache 'reprots' is not declared; did you mean 'reports'?"));
  }

  @Test
  void cacheDeclaredByValue_failsBinding() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports=10000")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                        "a cache is declared by its properties, not by a single value: '10000';"
                            + " set a bound under the cache's name, such as"
                            + " heapbound.cache.caches.reports.maximum-size=10000"));
  }

  @Test
  void dynamicCaches_createdOnDemandWithDefaultBounds() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.dynamic.enabled=true", "heapbound.cache.dynamic.maximum-size=100")
        .run(
            context -> {
              CacheManager cacheManager = context.getBean(CacheManager.class);
              Cache cache = cacheManager.getCache("audit");

              assertThat(cacheManager.getCache("audit")).isSameAs(cache);
              assertThat(cacheManager.getCacheNames()).containsExactly("audit");
              assertThat(summary(context, "audit").bounds().maximumSize()).hasValue(100);
            });
  }

  @Test
  void dynamicCaches_loggedAtStartup(CapturedOutput output) {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.dynamic.enabled=true", "heapbound.cache.dynamic.maximum-size=100")
        .run(
            context ->
                assertThat(output.getOut())
                    .contains(
                        "INFO  [main] d.h.spring.HeapboundCacheManager - caches not declared under"
                            + " heapbound.cache.caches are created on demand with"
                            + " maximumSize=100, at most 100 of them"));
  }

  @Test
  void dynamicCachesWithoutBound_failStartup() {
    contextRunner
        .withPropertyValues("heapbound.cache.dynamic.enabled=true")
        .run(
            context ->
                assertThat(specFailure(context))
                    .hasMessage(
                        "cache '*' has no eviction bound; set"
                            + " heapbound.cache.dynamic.maximum-size,"
                            + " heapbound.cache.dynamic.maximum-bytes,"
                            + " heapbound.cache.dynamic.expire-after-write,"
                            + " heapbound.cache.dynamic.expire-after-access or"
                            + " heapbound.cache.dynamic.values=weak"));
  }

  @Test
  void dynamicCaches_limitedInNumber() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.dynamic.enabled=true",
            "heapbound.cache.dynamic.maximum-size=100",
            "heapbound.cache.dynamic.maximum-caches=2")
        .run(
            context -> {
              CacheManager cacheManager = context.getBean(CacheManager.class);
              cacheManager.getCache("first");
              cacheManager.getCache("second");

              assertThatIllegalStateException()
                  .isThrownBy(() -> cacheManager.getCache("third"))
                  .withMessage(
                      "cache 'third' cannot be created on demand:"
                          + " heapbound.cache.dynamic.maximum-caches is 2 and that many caches"
                          + " were created; a cache name derived from data creates a cache per"
                          + " value, so declare the caches under heapbound.cache.caches or raise"
                          + " heapbound.cache.dynamic.maximum-caches");
              assertThat(cacheManager.getCacheNames()).containsExactlyInAnyOrder("first", "second");
            });
  }

  @Test
  void dynamicMaximumCaches_mustBePositive() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.dynamic.enabled=true",
            "heapbound.cache.dynamic.maximum-size=100",
            "heapbound.cache.dynamic.maximum-caches=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "heapbound.cache.dynamic.maximum-caches must be positive: 0; set it to"
                            + " the number of caches that may be created on demand, or set"
                            + " heapbound.cache.dynamic.enabled=false"));
  }

  @Test
  void sizeEstimatorBean_weighsByteBoundedCaches() {
    contextRunner
        .withBean(
            SizeEstimator.class, () -> SizeEstimator.builder().excludeType(byte[].class).build())
        .withPropertyValues("heapbound.cache.caches.reports.maximum-bytes=8MB")
        .run(
            context -> {
              Cache cache = context.getBean(CacheManager.class).getCache("reports");
              cache.put("report-1", new Report(new byte[1024 * 1024]));

              assertThat(summary(context, "reports").weightedBytes().getAsLong())
                  .isPositive()
                  .isLessThan(1024);
            });
  }

  @Test
  void contexts_keepSeparateRegistries() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            first ->
                contextRunner
                    .withPropertyValues("heapbound.cache.caches.reports.maximum-size=20")
                    .run(
                        second -> {
                          assertThat(second).hasNotFailed();
                          assertThat(summary(first, "reports").bounds().maximumSize()).hasValue(10);
                          assertThat(summary(second, "reports").bounds().maximumSize())
                              .hasValue(20);
                        }));
  }

  @Test
  void endpoint_absentUnlessExposed() {
    contextRunner.run(context -> assertThat(context).doesNotHaveBean(HeapboundEndpoint.class));
  }

  @Test
  void endpoint_listsRegistryWhenExposed() {
    contextRunner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=heapbound",
            "heapbound.cache.caches.reports.maximum-bytes=8MB",
            "heapbound.cache.caches.studies.maximum-size=100")
        .run(
            context -> {
              HeapboundEndpoint endpoint = context.getBean(HeapboundEndpoint.class);
              context.getBean(CacheManager.class).getCache("reports").put("report-1", "value");

              assertThat(endpoint.caches().caches())
                  .extracting(HeapboundEndpoint.CacheDescriptor::name)
                  .containsExactly("reports", "studies");
              assertThat(endpoint.cache("reports").entries()).isEqualTo(1);
              assertThat(endpoint.cache("reports").bounds().maximumBytes())
                  .isEqualTo(8L * 1024 * 1024);
              assertThat(endpoint.cache("absent")).isNull();
            });
  }

  @Test
  void endpoint_absentWithoutActuator() {
    contextRunner
        .withClassLoader(
            new FilteredClassLoader(
                org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
        .withPropertyValues("management.endpoints.web.exposure.include=heapbound")
        .run(
            context -> {
              assertThat(context).hasSingleBean(HeapboundCacheManager.class);
              assertThat(context).doesNotHaveBean(HeapboundEndpoint.class);
            });
  }

  @Test
  void misspelledCacheKey_failsStartupNamingKey() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-sise=1000")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(UnboundConfigurationPropertiesException.class)
                    .hasMessage(
                        "The elements [heapbound.cache.caches.reports.maximum-sise] were left"
                            + " unbound."));
  }

  @Test
  void misspelledCacheKey_analyzedWithClosestKey() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-sise=1000")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new UnknownCachePropertyFailureAnalyzer().analyze(context.getStartupFailure());

              assertThat(analysis.getDescription())
                  .isEqualTo(
                      "heapbound.cache.caches.reports.maximum-sise is not a known property (cache"
                          + " 'reports'), set in \"heapbound.cache.caches.reports.maximum-sise\""
                          + " from property source \"test\"; did you mean"
                          + " heapbound.cache.caches.reports.maximum-size? known keys under"
                          + " heapbound.cache.caches.reports: preset, maximum-size, maximum-bytes,"
                          + " expire-after-write, expire-after-access, values");
              assertThat(analysis.getAction())
                  .isEqualTo(
                      "Correct the misspelled keys under heapbound.cache, or remove them. A cache"
                          + " under heapbound.cache.caches takes preset, maximum-size,"
                          + " maximum-bytes, expire-after-write, expire-after-access, values.");
            });
  }

  @Test
  void misspelledKeyBesidePreset_failsStartup() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.caches.reports.preset=reports",
            "heapbound.cache.caches.reports.maximum-byte=64MB")
        .run(
            context ->
                assertThat(
                        new UnknownCachePropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure())
                            .getDescription())
                    .startsWith(
                        "heapbound.cache.caches.reports.maximum-byte is not a known property"
                            + " (cache 'reports'), set in"
                            + " \"heapbound.cache.caches.reports.maximum-byte\" from property"
                            + " source \"test\"; did you mean"
                            + " heapbound.cache.caches.reports.maximum-bytes? "));
  }

  @Test
  void misspelledTopLevelKey_analyzedWithClosestKey() {
    contextRunner
        .withPropertyValues("heapbound.cache.cachez.reports.maximum-size=1")
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .isInstanceOf(UnboundConfigurationPropertiesException.class);
              assertThat(
                      new UnknownCachePropertyFailureAnalyzer()
                          .analyze(context.getStartupFailure())
                          .getDescription())
                  .isEqualTo(
                      "heapbound.cache.cachez.reports.maximum-size is not a known property, set"
                          + " in \"heapbound.cache.cachez.reports.maximum-size\" from property"
                          + " source \"test\"; did you mean heapbound.cache.caches? known keys"
                          + " under heapbound.cache: enabled, caches, dynamic");
            });
  }

  @Test
  void misspelledDynamicKey_analyzedWithClosestKey() {
    contextRunner
        .withPropertyValues(
            "heapbound.cache.dynamic.enabled=true",
            "heapbound.cache.dynamic.maximum-size=100",
            "heapbound.cache.dynamic.maximum-cache=5")
        .run(
            context ->
                assertThat(
                        new UnknownCachePropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure())
                            .getDescription())
                    .isEqualTo(
                        "heapbound.cache.dynamic.maximum-cache is not a known property, set in"
                            + " \"heapbound.cache.dynamic.maximum-cache\" from property source"
                            + " \"test\"; did you mean heapbound.cache.dynamic.maximum-caches?"
                            + " known keys under heapbound.cache.dynamic: enabled, maximum-caches,"
                            + " preset, maximum-size, maximum-bytes, expire-after-write,"
                            + " expire-after-access, values"));
  }

  @Test
  void unknownKeysOutsideHeapbound_leftToSpringBoot() {
    ConfigurationProperty other =
        new ConfigurationProperty(ConfigurationPropertyName.of("audit.retension"), "30d", null);

    assertThat(
            new UnknownCachePropertyFailureAnalyzer()
                .analyze(new UnboundConfigurationPropertiesException(Set.of(other))))
        .isNull();
  }

  @Test
  void bootCacheMetrics_startWithoutDoubleRegistration() {
    Logger micrometer = (Logger) LoggerFactory.getLogger("io.micrometer");
    Level level = micrometer.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    micrometer.addAppender(logs);
    // Micrometer warns of a double registration once per JVM and logs later ones at debug.
    micrometer.setLevel(Level.DEBUG);
    try {
      contextRunner
          .withConfiguration(AutoConfigurations.of(CacheMetricsAutoConfiguration.class))
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues(
              "heapbound.cache.caches.reports.maximum-bytes=8MB",
              "heapbound.cache.caches.studies.maximum-size=100")
          .run(
              context -> {
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                context.getBean(CacheManager.class).getCache("reports").get("report-1");

                assertThat(context).hasNotFailed();
                assertThat(misses(meters, "reports")).isEqualTo(1);
                assertThat(meters.find("cache.size").tag("cache", "studies").gauges()).hasSize(1);
              });
    } finally {
      micrometer.detachAppender(logs);
      micrometer.setLevel(level);
    }

    List<String> micrometerLogs =
        logs.list.stream()
            .filter(event -> event.getLevel().isGreaterOrEqual(Level.DEBUG))
            .map(event -> event.getLevel() + " " + event.getFormattedMessage())
            .filter(line -> line.startsWith("WARN") || line.contains("already registered"))
            .toList();
    assertThat(micrometerLogs).isEmpty();
  }

  @Test
  void bootCacheMetrics_bindOtherManagersCaches() {
    contextRunner
        .withConfiguration(AutoConfigurations.of(CacheMetricsAutoConfiguration.class))
        .withUserConfiguration(UserCaffeineCacheManagerConfiguration.class)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(MeterRegistry.class)
                            .find("cache.size")
                            .tag("cache", "audit")
                            .gauge())
                    .isNotNull());
  }

  @Test
  void heapReporter_listsDeclaredCaches() {
    contextRunner
        .withPropertyValues("heapbound.cache.caches.reports.maximum-size=10")
        .run(
            context -> {
              HeapReporter reporter = context.getBean(HeapReporter.class);

              assertThat(reporter).isNotSameAs(HeapReporter.global());
              assertThat(reporter.report().entries())
                  .extracting(HeapReportEntry::name)
                  .contains("reports");
            });
  }

  @Test
  void userHeapReporter_backsOff() {
    HeapReporter userReporter = HeapReporter.builder().build();
    contextRunner
        .withBean(HeapReporter.class, () -> userReporter)
        .run(
            context -> {
              assertThat(context).hasSingleBean(HeapReporter.class);
              assertThat(context.getBean(HeapReporter.class)).isSameAs(userReporter);
            });
  }

  private static InvalidCacheSpecException specFailure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof InvalidCacheSpecException)) {
      failure = failure.getCause();
    }
    assertThat(failure).as("cause of the startup failure").isNotNull();
    return (InvalidCacheSpecException) failure;
  }

  private static CacheSummary summary(AssertableApplicationContext context, String name) {
    return context.getBean(CacheRegistry.class).cache(name).orElseThrow();
  }

  private static com.github.benmanes.caffeine.cache.Cache<Object, Object> nativeCache(
      AssertableApplicationContext context, String name) {
    return ((CaffeineCache) context.getBean(CacheManager.class).getCache(name)).getNativeCache();
  }

  private static double hits(MeterRegistry meters, String cacheName) {
    return meters
        .get("cache.gets")
        .tag("cache", cacheName)
        .tag("result", "hit")
        .functionCounter()
        .count();
  }

  private static double misses(MeterRegistry meters, String cacheName) {
    return meters
        .get("cache.gets")
        .tag("cache", cacheName)
        .tag("result", "miss")
        .functionCounter()
        .count();
  }

  /** A value whose payload the test estimator excludes. */
  record Report(byte[] payload) {}

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CachingConfiguration {}

  /** A service whose cache name is mistyped. */
  static class MistypedReports {

    @Cacheable("reprots")
    public String report(String reportId) {
      return "report";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class MistypedCacheableConfiguration {

    @Bean
    MistypedReports mistypedReports() {
      return new MistypedReports();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserCaffeineCacheManagerConfiguration {

    @Bean
    CacheManager userCacheManager() {
      CaffeineCacheManager cacheManager = new CaffeineCacheManager("audit");
      cacheManager.setCaffeine(Caffeine.newBuilder().maximumSize(10).recordStats());
      return cacheManager;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserCacheManagerConfiguration {

    @Bean
    CacheManager userCacheManager() {
      return new ConcurrentMapCacheManager("reports");
    }
  }
}
