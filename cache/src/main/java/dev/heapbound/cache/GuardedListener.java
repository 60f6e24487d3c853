package dev.heapbound.cache;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.RemovalListener;

/** Runs a user's removal listener so that a failure is logged once and never reaches Caffeine. */
final class GuardedListener<K, V> implements RemovalListener<K, V> {

  private final Registration registration;
  private final String role;
  private final RemovalListener<K, V> delegate;

  GuardedListener(Registration registration, String role, RemovalListener<K, V> delegate) {
    this.registration = registration;
    this.role = role;
    this.delegate = delegate;
  }

  @Override
  public void onRemoval(K key, V value, RemovalCause cause) {
    try {
      delegate.onRemoval(key, value, cause);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
      registration.recordCallbackFailure(role, e);
    }
  }
}
