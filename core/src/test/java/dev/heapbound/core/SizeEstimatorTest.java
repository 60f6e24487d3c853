package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Runs without any JVM flag, as a user's application does. Exact figures assume the default layout
 * of a 64-bit HotSpot JVM with a heap under 32 GB: 12-byte headers, 4-byte references and 8-byte
 * alignment.
 */
class SizeEstimatorTest {

  private static final SizeEstimator ESTIMATOR = SizeEstimator.defaults();

  record Report(String id, byte[] data) {}

  static final class ReportClass {
    final String id;
    final byte[] data;

    ReportClass(String id, byte[] data) {
      this.id = id;
      this.data = data;
    }
  }

  record Holder(Supplier<Integer> supplier) {}

  enum Phase {
    ONE,
    TWO
  }

  record Dosage(Phase phase, String text) {}

  /** A class whose every method fails, to show that the estimator calls none of them. */
  static final class Hostile {
    final byte[] payload = new byte[100];

    @Override
    public int hashCode() {
      throw new AssertionError("hashCode called");
    }

    @Override
    public boolean equals(Object other) {
      throw new AssertionError("equals called");
    }

    @Override
    public String toString() {
      throw new AssertionError("toString called");
    }
  }

  static final class Node {
    Node next;
  }

  private static void assumeDefaultLayout() {
    MemoryLayout layout = MemoryLayout.CURRENT;
    assumeTrue(layout.headerSize == 12 && layout.referenceSize == 4 && layout.objectAlignment == 8);
  }

  @Test
  void record_measuresExactlyWithoutFlags() {
    assumeDefaultLayout();

    long size = ESTIMATOR.deepSize(new Report("r-1", new byte[1 << 20]));

    assertThat(size).isEqualTo(1_048_664);
  }

  @Test
  void record_equalsEquivalentClass() {
    byte[] data = new byte[1 << 20];

    assertThat(ESTIMATOR.deepSize(new Report("r-1", data)))
        .isEqualTo(ESTIMATOR.deepSize(new ReportClass("r-1", data)));
    assertThat(ESTIMATOR.instanceSize(Report.class))
        .isEqualTo(ESTIMATOR.instanceSize(ReportClass.class));
  }

  @Test
  void lambda_includesCapturedArray() {
    byte[] captured = new byte[1 << 20];
    Supplier<Integer> lambda = () -> captured.length;

    assertThat(lambda.getClass().isHidden()).isTrue();
    assertThat(ESTIMATOR.deepSize(new Holder(lambda))).isGreaterThan(1 << 20);
  }

  @Test
  void largeLatin1String_measuresJolFigure() {
    assumeDefaultLayout();

    assertThat(ESTIMATOR.deepSize("x".repeat(1 << 20))).isEqualTo(1_048_616);
  }

  @Test
  void hashMapHoldingLargeString_measuresJolFigure() {
    assumeDefaultLayout();
    Map<String, String> map = new HashMap<>();
    map.put("k", "x".repeat(1 << 20));

    assertThat(ESTIMATOR.deepSize(map)).isEqualTo(1_048_824);
  }

  @Test
  void arrayListOfIntegers_measuresJolFigure() {
    assumeDefaultLayout();
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      list.add(i);
    }

    assertThat(ESTIMATOR.deepSize(list)).isEqualTo(2_026_880);
  }

  @Test
  void millionNodeLinkedList_doesNotOverflowStack() {
    Node head = new Node();
    Node tail = head;
    for (int i = 1; i < 1_000_000; i++) {
      tail.next = new Node();
      tail = tail.next;
    }

    Measurement measurement = ESTIMATOR.measure(head);

    assertThat(measurement.objects()).isEqualTo(1_000_000);
    assertThat(measurement.bytes()).isEqualTo(1_000_000 * ESTIMATOR.instanceSize(Node.class));
    assertThat(measurement.estimate()).isFalse();
  }

  @Test
  void millionElementJdkLinkedList_measures() {
    LinkedList<Integer> list = new LinkedList<>();
    for (int i = 0; i < 1_000_000; i++) {
      list.add(i);
    }

    Measurement measurement = ESTIMATOR.measure(list);

    assertThat(measurement.objects()).isEqualTo(2_000_001);
    assertThat(measurement.estimate()).isFalse();
  }

  @Test
  void millionStringList_measuresEveryString() {
    List<String> strings = new ArrayList<>(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      strings.add("s" + i);
    }

    Measurement measurement = ESTIMATOR.measure(strings);

    assertThat(measurement.objects()).isEqualTo(2 + 2 * 1_000_000);
  }

  @Test
  void objectBudget_marksResultAsEstimate() {
    SizeEstimator budgeted = SizeEstimator.builder().maxObjects(1_000).build();
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      strings.add("s" + i);
    }

    Measurement measurement = budgeted.measure(strings);

    assertThat(measurement.estimate()).isTrue();
    assertThat(measurement.objects()).isEqualTo(1_000);
    assertThat(measurement.bytes()).isLessThan(ESTIMATOR.deepSize(strings));
    assertThat(measurement.toString()).startsWith("at least ");
  }

  @Test
  void objectBudget_boundsWorkOnHugeArray() {
    SizeEstimator budgeted = SizeEstimator.builder().maxObjects(10).build();
    Object[] elements = new Object[2_000_000];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = new Object();
    }

    Measurement measurement = budgeted.measure(elements);

    assertThat(measurement.estimate()).isTrue();
    assertThat(measurement.objects()).isEqualTo(10);
    assertThat(measurement.bytes())
        .isEqualTo(ESTIMATOR.shallowSize(elements) + 9 * ESTIMATOR.instanceSize(Object.class));
  }

  @Test
  void objectBudget_notReached_isExact() {
    SizeEstimator budgeted = SizeEstimator.builder().maxObjects(4).build();

    Measurement measurement = budgeted.measure(new Report("r", new byte[4]));

    assertThat(measurement.estimate()).isFalse();
    assertThat(measurement.objects()).isEqualTo(4);
  }

  @Test
  void maxObjects_zero_isRejected() {
    assertThatThrownBy(() -> SizeEstimator.builder().maxObjects(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxObjects must be positive: 0; set a budget of at least 1 object");
  }

  @Test
  void enumConstants_areNotChargedByDefault() {
    Dosage dosage = new Dosage(Phase.TWO, "5 mg");

    long withoutEnum = ESTIMATOR.deepSize(dosage);
    long everything = SizeEstimator.builder().countEverything().build().deepSize(dosage);

    assertThat(everything).isGreaterThan(withoutEnum);
    assertThat(ESTIMATOR.deepSize(Phase.ONE)).isZero();
  }

  @Test
  void classAndThreadReferences_areNotWalked() {
    Object[] value = {String.class, Thread.currentThread(), getClass().getClassLoader()};

    assertThat(ESTIMATOR.deepSize(value)).isEqualTo(ESTIMATOR.shallowSize(value));
  }

  @Test
  void walk_neverCallsUserMethods() {
    Map<String, Hostile> map = new HashMap<>();
    map.put("a", new Hostile());

    long size = ESTIMATOR.deepSize(new Object[] {new Hostile(), map});

    assertThat(size).isGreaterThan(200);
  }

  @Test
  void excludeType_skipsInstances() {
    SizeEstimator estimator = SizeEstimator.builder().excludeType(byte[].class).build();

    assertThat(estimator.deepSize(new Report("r-1", new byte[1 << 20]))).isLessThan(100);
  }

  @Test
  void excludeField_skipsReferencedGraph() {
    SizeEstimator estimator = SizeEstimator.builder().excludeField(Report.class, "data").build();

    assertThat(estimator.deepSize(new Report("r-1", new byte[1 << 20])))
        .isEqualTo(ESTIMATOR.deepSize(new Report("r-1", null)));
  }

  @Test
  void excludeField_unknownName_isRejected() {
    assertThatThrownBy(() -> SizeEstimator.builder().excludeField(Report.class, "body"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "excludeField found no instance field 'body' declared in"
                + " dev.heapbound.core.SizeEstimatorTest$Report; name a field that the class"
                + " itself declares");
  }

  @Test
  void excludeField_primitive_isRejected() {
    assertThatThrownBy(() -> SizeEstimator.builder().excludeField(Integer.class, "value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "excludeField needs a reference field, but java.lang.Integer.value is a int; exclude"
                + " a field that references shared structure");
  }

  @Test
  void excludeIf_skipsMatchingObjects() {
    byte[] template = new byte[10 << 20];
    SizeEstimator estimator = SizeEstimator.builder().excludeIf(o -> o == template).build();

    long expected = ESTIMATOR.shallowSize(new Object[2]) + ESTIMATOR.shallowSize(new byte[10]);

    assertThat(estimator.deepSize(new Object[] {template, new byte[10]})).isEqualTo(expected);
  }

  @Test
  void measurePair_countsSharedObjectsOnce() {
    String id = "report-7";
    Report report = new Report(id, new byte[1024]);

    long together = ESTIMATOR.measure(id, report).bytes();

    assertThat(together).isEqualTo(ESTIMATOR.deepSize(report));
    assertThat(ESTIMATOR.measure(null, null).bytes()).isZero();
  }

  @Test
  void measurePair_ofTwoLeaves_equalsWalkOfBoth() {
    Integer key = 70_000;
    byte[] value = new byte[1024];

    Measurement pair = ESTIMATOR.measure(key, value);

    long expected = ESTIMATOR.shallowSize(key) + ESTIMATOR.shallowSize(value);
    assertThat(pair).isEqualTo(new Measurement(expected, 2, false));
    assertThat(ESTIMATOR.measure(new Object[] {key, value}).bytes())
        .isEqualTo(expected + ESTIMATOR.shallowSize(new Object[2]));
  }

  @Test
  void measurePair_sameLeafTwice_countsOnce() {
    byte[] value = new byte[64];

    assertThat(ESTIMATOR.measure(value, value))
        .isEqualTo(new Measurement(ESTIMATOR.shallowSize(value), 1, false));
  }

  @Test
  void measurePair_ofLeavesPastBudget_isEstimate() {
    SizeEstimator one = SizeEstimator.builder().maxObjects(1).build();

    Measurement pair = one.measure(7_000, new byte[16]);

    assertThat(pair.estimate()).isTrue();
    assertThat(pair.objects()).isEqualTo(1);
  }

  @Test
  void measure_null_isZero() {
    assertThat(ESTIMATOR.measure(null)).isEqualTo(new Measurement(0, 0, false));
  }

  @Test
  void shallowSize_ofArray_alignsElements() {
    long base = UnsafeAccess.UNSAFE.arrayBaseOffset(long[].class);

    assertThat(ESTIMATOR.shallowSize(new long[3])).isEqualTo(MemoryLayout.CURRENT.align(base + 24));
  }

  @Test
  void instanceSize_ofInterface_isRejected() {
    assertThatThrownBy(() -> ESTIMATOR.instanceSize(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type must be a class with a fixed instance size, not java.lang.Runnable");
  }

  @Test
  void walk_keepsNothingAliveAfterwards() {
    java.lang.ref.WeakReference<byte[]> reference = measureAndDrop();

    org.awaitility.Awaitility.await()
        .atMost(30, TimeUnit.SECONDS)
        .until(
            () -> {
              System.gc();
              return reference.get() == null;
            });

    assertThat(reference.get()).isNull();
  }

  private static java.lang.ref.WeakReference<byte[]> measureAndDrop() {
    byte[] data = new byte[1 << 20];
    ESTIMATOR.deepSize(new Report("r", data));
    return new java.lang.ref.WeakReference<>(data);
  }
}
