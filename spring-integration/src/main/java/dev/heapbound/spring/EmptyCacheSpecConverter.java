package dev.heapbound.spring;

import dev.heapbound.spring.HeapboundCacheProperties.CacheSpec;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds a cache declared with nothing under it, such as {@code reports:} alone in YAML, to a spec
 * with no settings, so that the cache is rejected for having no bound, with the property keys to
 * set, rather than by a conversion error.
 */
final class EmptyCacheSpecConverter implements Converter<String, CacheSpec> {

  @Override
  public CacheSpec convert(String source) {
    if (!source.isBlank()) {
      throw new IllegalArgumentException(
          "a cache is declared by its properties, not by a single value: '"
              + source
              + "'; set a bound under the cache's name, such as"
              + " heapbound.cache.caches.reports.maximum-size=10000");
    }
    return new CacheSpec();
  }
}
