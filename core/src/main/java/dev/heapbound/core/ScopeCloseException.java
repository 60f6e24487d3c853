package dev.heapbound.core;

/**
 * Thrown by {@link Scope#close()} after it released everything it could, when one or more resources
 * failed to release. The first failure is the cause, and each later one is suppressed.
 */
public final class ScopeCloseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ScopeCloseException(String message, Throwable cause) {
    super(message, cause);
  }
}
