package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.CacheLoader;
import java.util.Map;
import java.util.Set;

/**
 * Runs a user's loader so that its first failure is logged for the cache. The failure still reaches
 * the caller of {@code get}, as in Caffeine, and the cache keeps serving other keys.
 *
 * <p>Caffeine loads in bulk only when the loader overrides {@code loadAll}, so a loader that does
 * is wrapped by {@link Bulk}, which overrides it too, and any other by this class, which does not.
 */
class GuardedLoader<K, V> implements CacheLoader<K, V> {

  final Registration registration;
  final CacheLoader<? super K, V> delegate;

  private GuardedLoader(Registration registration, CacheLoader<? super K, V> delegate) {
    this.registration = registration;
    this.delegate = delegate;
  }

  static <K, V> CacheLoader<K, V> wrap(
      Registration registration, CacheLoader<? super K, V> delegate) {
    return overridesLoadAll(delegate)
        ? new Bulk<>(registration, delegate)
        : new GuardedLoader<>(registration, delegate);
  }

  @Override
  public V load(K key) throws Exception {
    try {
      return delegate.load(key);
    } catch (Exception | LinkageError e) {
      registration.recordCallbackFailure("loader", e);
      throw e;
    }
  }

  /**
   * Reloads through the user's loader. A failure reaches no caller, only Caffeine's own log of
   * failed refreshes, so it is rethrown without its message, which may contain the key.
   */
  @Override
  public V reload(K key, V oldValue) throws Exception {
    try {
      return delegate.reload(key, oldValue);
    } catch (Exception | LinkageError e) {
      registration.recordCallbackFailure("loader", e);
      throw RedactedThrowable.of(e);
    }
  }

  private static boolean overridesLoadAll(CacheLoader<?, ?> loader) {
    try {
      return !loader
          .getClass()
          .getMethod("loadAll", Set.class)
          .equals(CacheLoader.class.getMethod("loadAll", Set.class));
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static final class Bulk<K, V> extends GuardedLoader<K, V> {
    Bulk(Registration registration, CacheLoader<? super K, V> delegate) {
      super(registration, delegate);
    }

    @Override
    @SuppressWarnings("unchecked") // the delegate accepts any K, so a set of K is a set it takes
    public Map<? extends K, ? extends V> loadAll(Set<? extends K> keys) throws Exception {
      try {
        return (Map<? extends K, ? extends V>) delegate.loadAll((Set<K>) keys);
      } catch (Exception | LinkageError e) {
        registration.recordCallbackFailure("loader", e);
        throw e;
      }
    }
  }
}
