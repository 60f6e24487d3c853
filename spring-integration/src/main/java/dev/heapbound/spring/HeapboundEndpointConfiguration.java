package dev.heapbound.spring;

import dev.heapbound.cache.CacheRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@code heapbound} Actuator endpoint when Actuator is on the classpath and the
 * endpoint is available. Exposure follows Spring Boot's rules, so the endpoint is not reachable
 * over HTTP until {@code management.endpoints.web.exposure.include} names it or is {@code *}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
class HeapboundEndpointConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  HeapboundEndpoint heapboundEndpoint(CacheRegistry cacheRegistry) {
    return new HeapboundEndpoint(cacheRegistry);
  }
}
