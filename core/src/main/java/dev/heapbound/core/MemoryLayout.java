package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.lang.management.ManagementFactory;

/**
 * The facts about this JVM's heap layout that sizes depend on: object header size, reference size
 * and object alignment.
 *
 * <p>Header and reference sizes are read from the layout of real objects, so they follow whatever
 * {@code -XX:+/-UseCompressedOops} and {@code -XX:+/-UseCompressedClassPointers} the JVM runs with.
 * The alignment comes from the {@code ObjectAlignmentInBytes} VM option through the HotSpot
 * diagnostic bean, with the HotSpot default of 8 when that bean is not available.
 */
final class MemoryLayout {

  static final MemoryLayout CURRENT = detect();

  final int headerSize;
  final int referenceSize;
  final int objectAlignment;

  /** Whether the alignment was read from the VM rather than assumed. */
  final boolean alignmentKnown;

  /**
   * The padding in bytes that HotSpot puts around {@code @Contended} fields and classes of the JDK,
   * or 0 where the VM ignores the annotation.
   */
  final int contendedPadding;

  MemoryLayout(int headerSize, int referenceSize, int objectAlignment) {
    this(headerSize, referenceSize, objectAlignment, true, 0);
  }

  MemoryLayout(
      int headerSize,
      int referenceSize,
      int objectAlignment,
      boolean alignmentKnown,
      int contendedPadding) {
    this.headerSize = headerSize;
    this.referenceSize = referenceSize;
    this.objectAlignment = objectAlignment;
    this.alignmentKnown = alignmentKnown;
    this.contendedPadding = contendedPadding;
  }

  long align(long size) {
    long mask = objectAlignment - 1;
    return (size + mask) & ~mask;
  }

  /** Returns the size of a primitive or reference field of the given type. */
  int fieldSize(Class<?> type) {
    if (!type.isPrimitive()) {
      return referenceSize;
    } else if (type == long.class || type == double.class) {
      return 8;
    } else if (type == int.class || type == float.class) {
      return 4;
    } else if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  @Override
  public String toString() {
    return "header "
        + headerSize
        + " bytes, references "
        + referenceSize
        + " bytes, alignment "
        + objectAlignment
        + " bytes";
  }

  private static MemoryLayout detect() {
    int headerSize;
    try {
      headerSize = (int) UNSAFE.objectFieldOffset(HeaderProbe.class.getDeclaredField("value"));
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
    int referenceSize = UNSAFE.arrayIndexScale(Object[].class);
    String alignment = readVmOption("ObjectAlignmentInBytes");
    int contendedPadding = 0;
    if (!"false".equals(readVmOption("EnableContended"))) {
      String padding = readVmOption("ContendedPaddingWidth");
      contendedPadding = padding == null ? 128 : Integer.parseInt(padding);
    }
    return new MemoryLayout(
        headerSize,
        referenceSize,
        alignment == null ? 8 : Integer.parseInt(alignment),
        alignment != null,
        contendedPadding);
  }

  /** Returns a HotSpot VM option, or {@code null} where it cannot be read. */
  private static String readVmOption(String name) {
    try {
      var bean =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      return bean.getVMOption(name).getValue();
    } catch (RuntimeException | LinkageError e) {
      // Not HotSpot, or java.management is not in the module graph.
      return null;
    }
  }

  /** A class whose only field starts right after the object header. */
  @SuppressWarnings("unused") // read through reflection
  private static final class HeaderProbe {
    private byte value;
  }
}
