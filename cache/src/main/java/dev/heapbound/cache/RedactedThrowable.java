package dev.heapbound.cache;

/**
 * A copy of a user callback's throwable without its message, for logging. It keeps the type, stack
 * trace and causes. The messages are withheld because a loader or listener may put the key or the
 * value it was given into them.
 */
final class RedactedThrowable extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_CAUSES = 8;

  private RedactedThrowable(String message) {
    super(message, null, false, true);
  }

  static RedactedThrowable of(Throwable failure) {
    RedactedThrowable head = copy(failure);
    RedactedThrowable tail = head;
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && cause != failure && depth < MAX_CAUSES; depth++) {
      RedactedThrowable copy = copy(cause);
      tail.initCause(copy);
      tail = copy;
      cause = cause.getCause();
    }
    return head;
  }

  private static RedactedThrowable copy(Throwable failure) {
    RedactedThrowable copy =
        new RedactedThrowable(
            failure.getClass().getName() + " (message withheld: it may contain a key or value)");
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }
}
