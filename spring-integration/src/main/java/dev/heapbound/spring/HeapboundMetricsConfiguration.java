package dev.heapbound.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds heapbound's caches to Micrometer when Micrometer is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({MeterRegistry.class, CaffeineCacheMetrics.class})
class HeapboundMetricsConfiguration {

  @Bean
  HeapboundCacheMetrics heapboundCacheMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
    return new HeapboundCacheMetrics(meterRegistry);
  }
}
