package dev.heapbound.spring;

import dev.heapbound.cache.CacheBounds;
import dev.heapbound.spring.HeapboundCacheProperties.CacheSpec;
import dev.heapbound.spring.HeapboundCacheProperties.Dynamic;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * A Spring {@link CacheManager} whose caches are declared in properties and built by heapbound's
 * builder, so each one has a bound and records statistics.
 *
 * <p>Every declared cache is created when the manager starts, and a declaration that the builder
 * rejects fails the application context with an {@link InvalidCacheSpecException}. {@link
 * #getCache} for a name that was not declared throws, naming the declared caches and the closest
 * one. When {@code heapbound.cache.dynamic.enabled} is set, it creates such a cache instead, with
 * the bounds under {@code heapbound.cache.dynamic}, up to {@code maximum-caches} of them.
 *
 * <p>Null values are stored as Spring's null marker, as in Spring's own {@code
 * CaffeineCacheManager}.
 *
 * @since 0.1.0
 */
public final class HeapboundCacheManager implements CacheManager, BeanNameAware, InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(HeapboundCacheManager.class);
  private static final String CACHE_MANAGER_SUFFIX = "cacheManager";

  private final Map<String, CacheSpec> specs;
  private final List<String> springCacheNames;
  private final Dynamic dynamic;
  private final CacheFactory factory;
  private final List<CacheCreationListener> listeners;
  private final ConcurrentMap<String, CaffeineCache> dynamicCaches = new ConcurrentHashMap<>();
  private volatile Map<String, CaffeineCache> declaredCaches = Map.of();
  private String cacheManagerName = CACHE_MANAGER_SUFFIX;

  HeapboundCacheManager(
      HeapboundCacheProperties properties,
      List<String> springCacheNames,
      CacheFactory factory,
      List<CacheCreationListener> listeners) {
    this.specs = new LinkedHashMap<>(properties.getCaches());
    this.springCacheNames = List.copyOf(springCacheNames);
    this.dynamic = properties.getDynamic();
    this.factory = factory;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Derives the name that tags this manager's metrics from its bean name, the way Spring Boot's
   * cache metrics do, so that both bind each cache to the same meters.
   */
  @Override
  public void setBeanName(String beanName) {
    boolean hasSuffix =
        beanName.length() > CACHE_MANAGER_SUFFIX.length()
            && beanName
                .toLowerCase(Locale.ROOT)
                .endsWith(CACHE_MANAGER_SUFFIX.toLowerCase(Locale.ROOT));
    this.cacheManagerName =
        hasSuffix
            ? beanName.substring(0, beanName.length() - CACHE_MANAGER_SUFFIX.length())
            : beanName;
  }

  /**
   * Creates every declared cache and checks the bounds of caches created on demand.
   *
   * <p>Names listed in Spring's {@code spring.cache.cache-names} but not declared under {@code
   * heapbound.cache.caches} are created with the bounds of caches created on demand when those are
   * enabled, and otherwise fail as caches without a bound.
   *
   * @throws InvalidCacheSpecException if the builder rejects a cache's properties
   * @throws IllegalStateException if caches created on demand are enabled with a limit below 1
   */
  @Override
  public void afterPropertiesSet() {
    if (dynamic.isEnabled()) {
      validateDynamic();
    }
    Map<String, CaffeineCache> caches = new LinkedHashMap<>();
    specs.forEach(
        (name, spec) -> caches.put(name, create(name, spec, CacheFactory.declaredPrefix(name))));
    declaredCaches = Collections.unmodifiableMap(caches);
    for (String name : springCacheNames) {
      if (!specs.containsKey(name)) {
        createForSpringCacheName(name);
      }
    }
  }

  /**
   * Returns the cache with this name.
   *
   * @throws IllegalArgumentException if the name was not declared and caches created on demand are
   *     not enabled, with a message that lists the declared names and the closest one
   * @throws IllegalStateException if creating the cache on demand would exceed {@code
   *     heapbound.cache.dynamic.maximum-caches}
   */
  @Override
  public org.springframework.cache.Cache getCache(String name) {
    Objects.requireNonNull(name, "name");
    CaffeineCache cache = declaredCaches.get(name);
    if (cache != null) {
      return cache;
    }
    if (!dynamic.isEnabled()) {
      throw new IllegalArgumentException(undeclaredMessage(name));
    }
    cache = dynamicCaches.get(name);
    return cache != null ? cache : createOnDemand(name);
  }

  /** Returns the names of the declared caches and of those created on demand so far. */
  @Override
  public Collection<String> getCacheNames() {
    Set<String> names = new LinkedHashSet<>(declaredCaches.keySet());
    names.addAll(dynamicCaches.keySet());
    return Collections.unmodifiableSet(names);
  }

  private void validateDynamic() {
    if (dynamic.getMaximumCaches() < 1) {
      throw new IllegalStateException(
          CacheFactory.DYNAMIC_PREFIX
              + ".maximum-caches must be positive: "
              + dynamic.getMaximumCaches()
              + "; set it to the number of caches that may be created on demand, or set "
              + CacheFactory.DYNAMIC_PREFIX
              + ".enabled=false");
    }
    CacheBounds bounds =
        factory.validate(CacheFactory.DYNAMIC_NAME, dynamic, CacheFactory.DYNAMIC_PREFIX);
    log.info(
        "caches not declared under {} are created on demand with {}, at most {} of them",
        CacheFactory.CACHES_PREFIX,
        bounds,
        dynamic.getMaximumCaches());
  }

  private void createForSpringCacheName(String name) {
    if (dynamic.isEnabled()) {
      createOnDemand(name);
      return;
    }
    try {
      create(name, new CacheSpec(), CacheFactory.declaredPrefix(name));
    } catch (InvalidCacheSpecException e) {
      throw e.namedInSpringCacheNames();
    }
  }

  private synchronized CaffeineCache createOnDemand(String name) {
    CaffeineCache existing = dynamicCaches.get(name);
    if (existing != null) {
      return existing;
    }
    if (dynamicCaches.size() >= dynamic.getMaximumCaches()) {
      throw new IllegalStateException(
          "cache '"
              + name
              + "' cannot be created on demand: "
              + CacheFactory.DYNAMIC_PREFIX
              + ".maximum-caches is "
              + dynamic.getMaximumCaches()
              + " and that many caches were created; a cache name derived from data creates a"
              + " cache per value, so declare the caches under "
              + CacheFactory.CACHES_PREFIX
              + " or raise "
              + CacheFactory.DYNAMIC_PREFIX
              + ".maximum-caches");
    }
    CaffeineCache cache = create(name, dynamic, CacheFactory.DYNAMIC_PREFIX);
    dynamicCaches.put(name, cache);
    return cache;
  }

  private CaffeineCache create(String name, CacheSpec spec, String propertyPrefix) {
    CacheFactory.BuiltCache built = factory.create(name, spec, propertyPrefix);
    CaffeineCache cache = new CaffeineCache(name, built.cache(), true);
    for (CacheCreationListener listener : listeners) {
      listener.cacheCreated(cache, built.bounds(), cacheManagerName);
    }
    return cache;
  }

  private String undeclaredMessage(String name) {
    Set<String> declared = declaredCaches.keySet();
    StringBuilder message = new StringBuilder("cache '").append(name).append("' is not declared");
    if (declared.isEmpty()) {
      message.append(", and no cache is declared");
    } else {
      ClosestName.closest(name, declared)
          .ifPresentOrElse(
              closest -> message.append("; did you mean '").append(closest).append("'? "),
              () -> message.append("; "));
      message.append("declared caches: ").append(String.join(", ", declared));
    }
    return message
        .append("; to add it, set a bound such as ")
        .append(CacheFactory.declaredPrefix(name))
        .append(".maximum-size, or set ")
        .append(CacheFactory.DYNAMIC_PREFIX)
        .append(".enabled=true to create undeclared caches on demand")
        .toString();
  }
}
