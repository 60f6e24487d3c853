package dev.heapbound.core;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Access to {@code sun.misc.Unsafe}, which the {@code jdk.unsupported} module opens to every
 * module, so no {@code --add-opens} flag and no agent is needed to read it.
 */
final class UnsafeAccess {

  static final Unsafe UNSAFE = load();

  private UnsafeAccess() {}

  private static Unsafe load() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExceptionInInitializerError(
          "heapbound needs sun.misc.Unsafe from the jdk.unsupported module to read object"
              + " layouts; add jdk.unsupported to the module graph (failed with "
              + e
              + ")");
    }
  }
}
