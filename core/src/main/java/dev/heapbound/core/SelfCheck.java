package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * A check, run once per JVM, that the size estimator measures known objects correctly here.
 *
 * <p>The expected figures follow from the Java language alone (a string of a million Latin-1
 * characters contains at least a million bytes), so an estimator that silently skips fields it
 * cannot read, as some do under strong encapsulation, fails it. The check also reads back the
 * fields of a record and of a lambda through the offsets the estimator computed for them, and fails
 * if any value differs from the one stored.
 *
 * <p>Byte-bounded caches call {@link #requirePassed()} and are rejected on a JVM where the check
 * failed, because their bound would otherwise be a fiction.
 */
public final class SelfCheck {

  private static final int LARGE = 1 << 20;

  private static volatile SelfCheck current;

  private final List<String> failures;
  private final String layout;

  private SelfCheck(List<String> failures, String layout) {
    this.failures = List.copyOf(failures);
    this.layout = layout;
  }

  /** Returns the result for {@link SizeEstimator#defaults()}, running the check on first use. */
  public static SelfCheck current() {
    SelfCheck result = current;
    if (result == null) {
      result = run(SizeEstimator.defaults()::deepSize);
      current = result;
    }
    return result;
  }

  /**
   * Runs the check against any deep-size function, for example to verify a wrapper around the
   * estimator. Layout read-back is always checked against the estimator's own layouts.
   */
  public static SelfCheck run(ToLongFunction<Object> deepSize) {
    List<String> failures = new ArrayList<>();
    checkSizes(deepSize, failures);
    checkRecordLayout(failures);
    checkLambdaLayout(failures);
    return new SelfCheck(failures, MemoryLayout.CURRENT.toString());
  }

  /**
   * Throws unless the check passed.
   *
   * @throws IllegalStateException naming each failed figure and this JVM's layout
   */
  public static void requirePassed() {
    SelfCheck result = current();
    if (!result.passed()) {
      throw new IllegalStateException(result.describeFailure());
    }
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /** Returns one line for each failed figure. */
  public List<String> failures() {
    return failures;
  }

  /** Describes the failure for an exception message. */
  public String describeFailure() {
    return "the size estimator failed its self-check on "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.vm.version")
        + " ("
        + layout
        + "): "
        + String.join("; ", failures)
        + "; byte bounds would not be real bytes here, so bound the cache with maximumSize instead";
  }

  @Override
  public String toString() {
    return passed() ? "SelfCheck{passed}" : "SelfCheck{" + failures + "}";
  }

  /**
   * Checks figures whose range follows from the Java language and the layout's alignment alone: the
   * slack grows with the alignment, because every object is padded up to it.
   */
  private static void checkSizes(ToLongFunction<Object> deepSize, List<String> failures) {
    MemoryLayout layout = MemoryLayout.CURRENT;
    long slack = 64L + 4L * layout.objectAlignment;
    if (!layout.alignmentKnown) {
      failures.add(
          "the object alignment could not be read from the HotSpot diagnostic bean, so 8 bytes"
              + " was assumed; add the java.management and jdk.management modules to the"
              + " runtime");
    }

    byte[] bytes = new byte[LARGE];
    expect(failures, "a byte[" + LARGE + "]", deepSize.applyAsLong(bytes), LARGE, LARGE + slack);

    String text = "x".repeat(LARGE);
    expect(
        failures,
        "a " + LARGE + "-character String",
        deepSize.applyAsLong(text),
        LARGE + 16,
        LARGE + 2 * slack);

    Map<String, String> map = new HashMap<>();
    map.put("k", text);
    expect(
        failures,
        "a HashMap holding it",
        deepSize.applyAsLong(map),
        LARGE + 112,
        LARGE + 640 + 8 * slack);

    int count = 100_000;
    List<Integer> integers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      integers.add(i);
    }
    long integerSize = layout.align(layout.headerSize + 4);
    expect(
        failures,
        "an ArrayList of " + count + " Integers",
        deepSize.applyAsLong(integers),
        count * 16L,
        count * (integerSize + 2L * layout.referenceSize) + slack);
  }

  private static void expect(
      List<String> failures, String what, long actual, long minimum, long maximum) {
    if (actual < minimum || actual > maximum) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%s measured %,d bytes, expected %,d to %,d",
              what,
              actual,
              minimum,
              maximum));
    }
  }

  private static void checkRecordLayout(List<String> failures) {
    Object reference = new Object();
    Mixed mixed = new Mixed((byte) 0x5A, reference, 0x1234_5678_9ABC_DEF0L, 0x7EADBEEF, 'q', true);
    ClassShape shape = ClassShape.of(Mixed.class);
    checkFields(shape, mixed, failures, "record");
    if (UNSAFE.getObject(mixed, shape.referenceOffsets[0]) != reference) {
      failures.add("a record's reference field read back as a different object");
    }
  }

  private static void checkLambdaLayout(List<String> failures) {
    Object reference = new Object();
    long number = 0x0FED_CBA9_8765_4321L;
    int small = 0x13572468;
    IntSupplier lambda = () -> reference.hashCode() + (int) number + small;
    ClassShape shape = ClassShape.of(lambda.getClass());
    if (shape.referenceOffsets.length != 1) {
      failures.add("a lambda capturing one object showed " + shape.referenceOffsets.length);
      return;
    }
    if (UNSAFE.getObject(lambda, shape.referenceOffsets[0]) != reference) {
      failures.add("a lambda's captured object read back as a different object");
    }
  }

  /** Compares the primitive fields of the record, read through its shadow layout, to its values. */
  private static void checkFields(
      ClassShape shape, Mixed mixed, List<String> failures, String what) {
    long[] offsets = ShadowLayouts.offsets(Mixed.class, ClassShape.instanceFields(Mixed.class));
    List<java.lang.reflect.Field> fields = ClassShape.instanceFields(Mixed.class);
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).getName();
      long offset = offsets[i];
      boolean same;
      switch (name) {
        case "tag":
          same = UNSAFE.getByte(mixed, offset) == mixed.tag();
          break;
        case "wide":
          same = UNSAFE.getLong(mixed, offset) == mixed.wide();
          break;
        case "count":
          same = UNSAFE.getInt(mixed, offset) == mixed.count();
          break;
        case "letter":
          same = UNSAFE.getChar(mixed, offset) == mixed.letter();
          break;
        case "flag":
          same = UNSAFE.getBoolean(mixed, offset) == mixed.flag();
          break;
        default:
          same = UNSAFE.getObject(mixed, offset) == mixed.reference();
      }
      if (!same) {
        failures.add("a " + what + "'s field '" + name + "' read back a different value");
      }
    }
    if (shape.instanceSize != ClassShape.of(MixedClass.class).instanceSize) {
      failures.add(
          "a record measured "
              + shape.instanceSize
              + " bytes but an equal class "
              + ClassShape.of(MixedClass.class).instanceSize);
    }
  }

  private record Mixed(
      byte tag, Object reference, long wide, int count, char letter, boolean flag) {}

  /** The same fields as {@link Mixed} in the same order, in an ordinary class. */
  @SuppressWarnings("unused") // only its layout is read
  private static final class MixedClass {
    byte tag;
    Object reference;
    long wide;
    int count;
    char letter;
    boolean flag;
  }
}
