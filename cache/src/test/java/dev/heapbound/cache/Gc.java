package dev.heapbound.cache;

import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the garbage collector, nudging it with {@code System.gc()} while it waits. */
final class Gc {

  private Gc() {}

  /** Waits until the referent of {@code reference} has been collected. */
  static void awaitCollected(WeakReference<?> reference) {
    awaitWithGc(() -> reference.get() == null);
  }

  /** Waits, running a collection before each poll, until {@code condition} holds. */
  static void awaitWithGc(BooleanSupplier condition) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              System.gc();
              return condition.getAsBoolean();
            });
  }
}
