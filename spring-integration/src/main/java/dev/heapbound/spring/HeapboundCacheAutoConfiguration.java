package dev.heapbound.spring;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.cache.HeapReporter;
import dev.heapbound.core.SizeEstimator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of a {@link HeapboundCacheManager} whose caches are declared under {@code
 * heapbound.cache.caches} and built by {@link BoundedCacheBuilder}.
 *
 * <p>It runs before Spring Boot's cache auto-configuration, so Boot's unbounded {@code
 * CaffeineCacheManager} is not created, and it backs off when the application defines its own
 * {@link CacheManager} or sets {@code heapbound.cache.enabled=false}. Names in Spring's {@code
 * spring.cache.cache-names} count as caches too, so one that has no bound under {@code
 * heapbound.cache.caches} fails the startup instead of becoming an unbounded cache. Each
 * application context gets a {@link CacheRegistry} of its own, so that contexts started side by
 * side, as in tests, do not collide on cache names. A {@link SizeEstimator} bean, if the
 * application defines one, weighs the entries of byte-bounded caches. With Micrometer present every
 * cache is bound to the meter registry when it is created, and with Actuator present the {@code
 * heapbound} endpoint lists the registry. A {@link HeapReporter} bean reports the caches of the
 * context's registry, which {@link HeapReporter#global()} does not see.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = CacheAutoConfiguration.class)
@ConditionalOnClass({CacheManager.class, CaffeineCache.class, Caffeine.class})
@ConditionalOnBooleanProperty(name = "heapbound.cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HeapboundCacheProperties.class)
@Import({HeapboundMetricsConfiguration.class, HeapboundEndpointConfiguration.class})
public final class HeapboundCacheAutoConfiguration {

  @Bean
  @ConfigurationPropertiesBinding
  static EmptyCacheSpecConverter heapboundEmptyCacheSpecConverter() {
    return new EmptyCacheSpecConverter();
  }

  @Bean
  @ConditionalOnMissingBean
  CacheRegistry heapboundCacheRegistry() {
    return new CacheRegistry();
  }

  /** Creates a reporter over this context's registry, with the default settings. */
  @Bean
  @ConditionalOnMissingBean
  HeapReporter heapboundHeapReporter(CacheRegistry cacheRegistry) {
    return HeapReporter.builder().registry(cacheRegistry).build();
  }

  @Bean
  @ConditionalOnMissingBean(CacheManager.class)
  HeapboundCacheManager cacheManager(
      HeapboundCacheProperties properties,
      CacheRegistry cacheRegistry,
      Environment environment,
      ObjectProvider<SizeEstimator> sizeEstimator,
      ObjectProvider<CacheCreationListener> listeners) {
    List<String> springCacheNames =
        Binder.get(environment)
            .bind("spring.cache.cache-names", Bindable.listOf(String.class))
            .orElse(List.of());
    CacheFactory factory = new CacheFactory(cacheRegistry, sizeEstimator.getIfUnique());
    return new HeapboundCacheManager(
        properties, springCacheNames, factory, listeners.orderedStream().toList());
  }
}
