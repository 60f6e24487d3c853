package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance layout of one non-array class: its size in bytes and the offsets of its reference
 * fields, own and inherited. Computed once per class and cached in {@link #of(Class)}.
 *
 * <p>Offsets come from {@code Unsafe.objectFieldOffset}, which refuses records and hidden classes
 * (lambdas among them). For those, {@link ShadowLayouts} defines an ordinary class with the same
 * field types in the same order, whose layout HotSpot computes the same way, and reads the offsets
 * from it.
 */
final class ClassShape {

  private static final ClassValue<ClassShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected ClassShape computeValue(Class<?> type) {
          return compute(type, MemoryLayout.CURRENT);
        }
      };

  final Class<?> type;
  final long instanceSize;
  final long[] referenceOffsets;
  final Field[] referenceFields;

  /** True when the offsets came from a shadow class rather than from the class itself. */
  final boolean shadowed;

  /**
   * The offset of a JDK collection's change counter ({@code modCount}, or {@code baseCount} of a
   * {@code ConcurrentHashMap}), or -1 if the class has none.
   */
  final long changeCounterOffset;

  /** Whether the change counter is a {@code long} rather than an {@code int}. */
  final boolean changeCounterIsLong;

  private ClassShape(
      Class<?> type,
      long instanceSize,
      long[] referenceOffsets,
      Field[] referenceFields,
      boolean shadowed,
      Field changeCounter) {
    this.type = type;
    this.instanceSize = instanceSize;
    this.referenceOffsets = referenceOffsets;
    this.referenceFields = referenceFields;
    this.shadowed = shadowed;
    this.changeCounterOffset =
        changeCounter == null || shadowed ? -1 : UNSAFE.objectFieldOffset(changeCounter);
    this.changeCounterIsLong = changeCounter != null && changeCounter.getType() == long.class;
  }

  static ClassShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    return fields;
  }

  private static ClassShape compute(Class<?> type, MemoryLayout layout) {
    if (type.isArray() || type.isPrimitive() || type.isInterface()) {
      throw new IllegalArgumentException("not an instance class: " + type.getName());
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      fields.addAll(instanceFields(c));
    }
    boolean shadowed = needsShadow(type);
    long[] offsets = shadowed ? ShadowLayouts.offsets(type, fields) : directOffsets(fields);

    long end = layout.headerSize;
    List<Field> referenceFields = new ArrayList<>();
    List<Long> referenceOffsets = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      end = Math.max(end, offsets[i] + layout.fieldSize(field.getType()));
      if (!field.getType().isPrimitive()) {
        referenceFields.add(field);
        referenceOffsets.add(offsets[i]);
      }
    }
    end += trailingContendedPadding(type, layout);
    return new ClassShape(
        type,
        layout.align(end),
        referenceOffsets.stream().mapToLong(Long::longValue).toArray(),
        referenceFields.toArray(new Field[0]),
        shadowed,
        changeCounter(fields));
  }

  /** Finds the field that a JDK collection increments on every structural change. */
  private static Field changeCounter(List<Field> fields) {
    for (Field field : fields) {
      String owner = field.getDeclaringClass().getName();
      if (owner.startsWith("java.")
          && ((field.getName().equals("modCount") && field.getType() == int.class)
              || (field.getName().equals("baseCount") && field.getType() == long.class))) {
        return field;
      }
    }
    return null;
  }

  /**
   * Returns the padding that HotSpot adds after the last field of a class that is annotated
   * {@code @Contended} or has {@code @Contended} fields, which no field offset shows. The padding
   * belongs to the nearest class in the hierarchy that declares instance fields, since a subclass
   * that adds fields places them after it. HotSpot honours the annotation only in classes of the
   * boot and platform loaders unless {@code -XX:-RestrictContended} is set, which this does not
   * read.
   */
  private static long trailingContendedPadding(Class<?> type, MemoryLayout layout) {
    if (layout.contendedPadding == 0) {
      return 0;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      List<Field> own = instanceFields(c);
      boolean contended = isContended(c.getDeclaredAnnotations());
      if (own.isEmpty() && !contended) {
        continue;
      }
      for (Field field : own) {
        contended |= isContended(field.getDeclaredAnnotations());
      }
      return contended && isJdkClass(c) ? layout.contendedPadding : 0;
    }
    return 0;
  }

  private static boolean isContended(java.lang.annotation.Annotation[] annotations) {
    for (java.lang.annotation.Annotation annotation : annotations) {
      if (annotation.annotationType().getName().equals("jdk.internal.vm.annotation.Contended")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJdkClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }

  /** Returns whether the class or one of its superclasses is hidden or a record. */
  private static boolean needsShadow(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isHidden() || c.isRecord()) {
        return true;
      }
    }
    return false;
  }

  private static long[] directOffsets(List<Field> fields) {
    long[] offsets = new long[fields.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = UNSAFE.objectFieldOffset(fields.get(i));
    }
    return offsets;
  }
}
