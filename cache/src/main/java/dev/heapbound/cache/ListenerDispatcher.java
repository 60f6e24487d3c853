package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.RemovalListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cache's removal listener on a thread of the cache's own, through a bounded queue.
 *
 * <p>Caffeine runs removal listeners on the cache's executor: the writing thread for a byte-bounded
 * cache, the common fork-join pool otherwise. A listener that stalls there blocks writers, or every
 * other cache that shares the pool, and each queued notification keeps an evicted value alive. Here
 * a stalled listener blocks only its own notifications. Once {@value #QUEUE_CAPACITY} are waiting,
 * further ones are dropped, counted and warned about at most once a minute, so the values they
 * carry can be collected.
 */
final class ListenerDispatcher<K, V> implements RemovalListener<K, V> {

  static final int QUEUE_CAPACITY = 256;

  private static final Logger log = LoggerFactory.getLogger(BoundedCacheBuilder.class);
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Registration registration;
  private final RemovalListener<K, V> listener;
  private final ThreadPoolExecutor executor;
  private final LongAdder dropped = new LongAdder();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

  ListenerDispatcher(Registration registration, RemovalListener<K, V> listener) {
    this.registration = registration;
    this.listener = new GuardedListener<>(registration, "removalListener", listener);
    String threadName = "heapbound-removal-listener-" + registration.name();
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            },
            (task, pool) -> recordDropped());
    this.executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public void onRemoval(K key, V value, RemovalCause cause) {
    executor.execute(() -> listener.onRemoval(key, value, cause));
  }

  /** Returns how many notifications were dropped because the listener fell behind. */
  long dropped() {
    return dropped.sum();
  }

  private void recordDropped() {
    dropped.increment();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "removalListener of cache '{}' is {} notifications behind, so {} notifications were"
              + " dropped; make the listener faster, or release resources in an"
              + " evictionListener instead",
          registration.name(),
          QUEUE_CAPACITY,
          dropped.sum());
    }
  }
}
