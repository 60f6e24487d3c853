package dev.heapbound.spring;

import com.github.benmanes.caffeine.cache.Cache;
import dev.heapbound.cache.BoundedCacheBuilder;
import dev.heapbound.cache.CacheBounds;
import dev.heapbound.cache.CachePresets;
import dev.heapbound.cache.CacheRegistry;
import dev.heapbound.core.SizeEstimator;
import dev.heapbound.spring.HeapboundCacheProperties.CacheSpec;
import java.util.regex.Pattern;

/**
 * Builds caches from their properties through {@link BoundedCacheBuilder}, so that every rule of
 * the builder holds, and reports a rejected configuration by its property keys.
 */
final class CacheFactory {

  static final String CACHES_PREFIX = "heapbound.cache.caches";
  static final String DYNAMIC_PREFIX = "heapbound.cache.dynamic";

  /** The name under which the defaults of caches created on demand appear in messages. */
  static final String DYNAMIC_NAME = "*";

  private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /**
   * The estimator for byte-bounded caches when the application defines none. It does not walk into
   * bean factories, application contexts among them, so that a value that references a bean is not
   * charged for the whole context.
   */
  static final SizeEstimator DEFAULT_ESTIMATOR =
      SizeEstimator.builder()
          .excludeType(org.springframework.beans.factory.BeanFactory.class)
          .build();

  private final CacheRegistry registry;
  private final SizeEstimator sizeEstimator;

  /**
   * Creates a factory that registers its caches in {@code registry} and weighs byte-bounded caches
   * with {@code sizeEstimator}, or with {@link #DEFAULT_ESTIMATOR} when it is {@code null}.
   */
  CacheFactory(CacheRegistry registry, SizeEstimator sizeEstimator) {
    this.registry = registry;
    this.sizeEstimator = sizeEstimator == null ? DEFAULT_ESTIMATOR : sizeEstimator;
  }

  /**
   * Returns the property prefix of a declared cache, in bracket notation when the name is not a
   * plain lower-case key, as in {@code heapbound.cache.caches[Reports.v2]}.
   */
  static String declaredPrefix(String cacheName) {
    return PLAIN_KEY.matcher(cacheName).matches()
        ? CACHES_PREFIX + "." + cacheName
        : CACHES_PREFIX + "[" + cacheName + "]";
  }

  /**
   * Builds and registers a cache.
   *
   * @throws InvalidCacheSpecException if the builder rejects the properties
   */
  BuiltCache create(String cacheName, CacheSpec spec, String propertyPrefix) {
    BoundedCacheBuilder<Object, Object> builder = builder(cacheName, spec, propertyPrefix);
    try {
      Cache<Object, Object> cache = builder.build();
      return new BuiltCache(cache, builder.bounds());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidCacheSpecException(
          cacheName, propertyPrefix, !builder.bounds().isBounded(), e);
    }
  }

  /**
   * Checks properties as {@link #create} would, without building a cache.
   *
   * @throws InvalidCacheSpecException if the builder rejects the properties
   */
  CacheBounds validate(String cacheName, CacheSpec spec, String propertyPrefix) {
    BoundedCacheBuilder<Object, Object> builder = builder(cacheName, spec, propertyPrefix);
    try {
      return builder.validate();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidCacheSpecException(
          cacheName, propertyPrefix, !builder.bounds().isBounded(), e);
    }
  }

  private BoundedCacheBuilder<Object, Object> builder(
      String cacheName, CacheSpec spec, String propertyPrefix) {
    BoundedCacheBuilder<Object, Object> builder = presetBuilder(cacheName, spec);
    try {
      applyOverrides(builder, spec);
      builder.registry(registry);
      if (builder.bounds().maximumBytes().isPresent()) {
        builder.sizeEstimator(sizeEstimator);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidCacheSpecException(cacheName, propertyPrefix, false, e);
    }
    return builder;
  }

  private static BoundedCacheBuilder<Object, Object> presetBuilder(
      String cacheName, CacheSpec spec) {
    if (spec.getPreset() == null) {
      return BoundedCacheBuilder.newBuilder(cacheName);
    }
    switch (spec.getPreset()) {
      case TRIALS:
        return CachePresets.trials(cacheName);
      case REPORTS:
        return CachePresets.reports(cacheName);
      default:
        throw new AssertionError("preset without a builder: " + spec.getPreset());
    }
  }

  private static void applyOverrides(BoundedCacheBuilder<Object, Object> builder, CacheSpec spec) {
    if (spec.getMaximumSize() != null) {
      builder.maximumSize(spec.getMaximumSize());
    }
    if (spec.getMaximumBytes() != null) {
      builder.maximumBytes(spec.getMaximumBytes().toBytes());
    }
    if (spec.getExpireAfterWrite() != null) {
      builder.expireAfterWrite(spec.getExpireAfterWrite());
    }
    if (spec.getExpireAfterAccess() != null) {
      builder.expireAfterAccess(spec.getExpireAfterAccess());
    }
    if (spec.getValues() != null) {
      builder.values(spec.getValues());
    }
  }

  /** A cache that the builder built, with the bounds it was built with. */
  record BuiltCache(Cache<Object, Object> cache, CacheBounds bounds) {}
}
