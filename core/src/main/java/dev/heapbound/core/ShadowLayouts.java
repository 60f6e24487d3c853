package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Field offsets for classes that {@code Unsafe.objectFieldOffset} refuses: records and hidden
 * classes.
 *
 * <p>HotSpot lays out an instance from its superclass's layout and the types and declaration order
 * of its own fields. Neither names, access flags nor the record and hidden attributes take part. So
 * for each class in the hierarchy this defines an abstract "shadow" class with the same field types
 * in the same order, extending the shadow of the superclass, and reads the offsets of the shadow's
 * fields. Reference fields are declared as {@code Object} so that nothing has to be resolved. The
 * shadows live in a class loader of their own whose parent is the platform loader, so they keep no
 * application class alive.
 *
 * <p>The self-check verifies the method on a record and a lambda with mixed field types, by reading
 * each field through the shadow offsets and comparing it with the value that was stored.
 */
final class ShadowLayouts {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private ShadowLayouts() {}

  /**
   * Returns the offsets of {@code fields}, which list the instance fields of {@code type} followed
   * by those of each superclass in turn, as {@link ClassShape} collects them.
   */
  static long[] offsets(Class<?> type, List<Field> fields) {
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = type; c != Object.class && c != null; c = c.getSuperclass()) {
      hierarchy.push(c);
    }

    ShadowLoader loader = new ShadowLoader();
    String superName = "java/lang/Object";
    Class<?> shadow = Object.class;
    List<Field> shadowFields = new ArrayList<>();
    List<Field> originalFields = new ArrayList<>();
    long id = SEQUENCE.incrementAndGet();
    int level = 0;
    for (Class<?> c : hierarchy) {
      List<Field> own = ClassShape.instanceFields(c);
      String name = "dev/heapbound/core/shadow/Shadow" + id + "_" + level++;
      byte[] bytes = classFile(name, superName, own);
      shadow = loader.define(name.replace('/', '.'), bytes);
      Field[] declared = shadow.getDeclaredFields();
      for (int i = 0; i < own.size(); i++) {
        shadowFields.add(fieldNamed(declared, "f" + i));
        originalFields.add(own.get(i));
      }
      superName = name;
    }

    long[] offsets = new long[fields.size()];
    for (int i = 0; i < offsets.length; i++) {
      int index = originalFields.indexOf(fields.get(i));
      offsets[i] = UNSAFE.objectFieldOffset(shadowFields.get(index));
    }
    return offsets;
  }

  private static Field fieldNamed(Field[] fields, String name) {
    for (Field field : fields) {
      if (field.getName().equals(name)) {
        return field;
      }
    }
    throw new IllegalStateException("shadow class lost field " + name);
  }

  /** Writes a class file of an abstract class with the given fields and no methods. */
  private static byte[] classFile(String name, String superName, List<Field> fields) {
    ConstantPool pool = new ConstantPool();
    int thisClass = pool.classEntry(name);
    int superClass = pool.classEntry(superName);
    int[] nameIndexes = new int[fields.size()];
    int[] descriptorIndexes = new int[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      nameIndexes[i] = pool.utf8("f" + i);
      descriptorIndexes[i] = pool.utf8(descriptor(fields.get(i).getType()));
    }

    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(0xCAFEBABE);
      out.writeShort(0); // minor version
      out.writeShort(52); // major version: Java 8 is enough for a class without methods
      pool.writeTo(out);
      out.writeShort(0x0001 | 0x0020 | 0x0400); // public, super, abstract
      out.writeShort(thisClass);
      out.writeShort(superClass);
      out.writeShort(0); // interfaces
      out.writeShort(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        out.writeShort(0x0001); // public
        out.writeShort(nameIndexes[i]);
        out.writeShort(descriptorIndexes[i]);
        out.writeShort(0); // attributes
      }
      out.writeShort(0); // methods
      out.writeShort(0); // attributes
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static String descriptor(Class<?> type) {
    if (!type.isPrimitive()) {
      return "Ljava/lang/Object;";
    } else if (type == int.class) {
      return "I";
    } else if (type == long.class) {
      return "J";
    } else if (type == boolean.class) {
      return "Z";
    } else if (type == byte.class) {
      return "B";
    } else if (type == char.class) {
      return "C";
    } else if (type == short.class) {
      return "S";
    } else if (type == float.class) {
      return "F";
    }
    return "D";
  }

  private static final class ConstantPool {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int count = 1;

    int utf8(String value) {
      try {
        out.writeByte(1);
        out.writeUTF(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return count++;
    }

    int classEntry(String internalName) {
      int nameIndex = utf8(internalName);
      try {
        out.writeByte(7);
        out.writeShort(nameIndex);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return count++;
    }

    void writeTo(DataOutputStream target) throws IOException {
      target.writeShort(count);
      bytes.writeTo(target);
    }
  }

  private static final class ShadowLoader extends ClassLoader {
    ShadowLoader() {
      super("heapbound-shadow", ClassLoader.getPlatformClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
