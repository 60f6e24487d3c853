package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graphs built to break a size estimator: huge, cyclic, mutating, foreign or runtime-bound. */
class HostileGraphTest {

  private static final SizeEstimator ESTIMATOR = SizeEstimator.defaults();

  record Leaf(int value) {}

  record Branch(Leaf left, Leaf right, Branch parent) {}

  static final class Ring {
    Ring next;
    byte[] payload = new byte[16];
  }

  @Test
  void hundredMillionReferenceArray_measuresExactly() {
    Object[] references = new Object[100_000_000];
    references[0] = references;
    references[99_999_999] = new Leaf(1);

    long expected = ESTIMATOR.shallowSize(references) + ESTIMATOR.instanceSize(Leaf.class);

    assertThat(ESTIMATOR.deepSize(references)).isEqualTo(expected);
    assertThat(ESTIMATOR.shallowSize(references))
        .isGreaterThanOrEqualTo(100_000_000L * MemoryLayout.CURRENT.referenceSize);
  }

  @Test
  void longCycle_countsEachObjectOnce() {
    Ring first = new Ring();
    Ring last = first;
    for (int i = 0; i < 9_999; i++) {
      last.next = new Ring();
      last = last.next;
    }
    last.next = first;

    Measurement measurement = ESTIMATOR.measure(first);

    assertThat(measurement.objects()).isEqualTo(20_000);
    assertThat(measurement.bytes())
        .isEqualTo(
            10_000 * (ESTIMATOR.instanceSize(Ring.class) + ESTIMATOR.shallowSize(new byte[16])));
  }

  @Test
  void nestedRecords_sumTheirParts() {
    Branch root = new Branch(new Leaf(1), new Leaf(2), null);
    Branch child = new Branch(new Leaf(3), root.left(), root);

    long leaf = ESTIMATOR.instanceSize(Leaf.class);
    long branch = ESTIMATOR.instanceSize(Branch.class);

    assertThat(ESTIMATOR.deepSize(child)).isEqualTo(2 * branch + 3 * leaf);
  }

  @Test
  void proxy_includesItsHandlerGraph() {
    byte[] captured = new byte[4096];
    InvocationHandler handler = (proxy, method, args) -> captured.length;
    IntSupplier proxy =
        (IntSupplier)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {IntSupplier.class}, handler);

    assertThat(ESTIMATOR.deepSize(proxy)).isGreaterThan(4096);
  }

  @Test
  void classesOfModulesThatDoNotOpen_areMeasured() throws Exception {
    java.sql.Timestamp timestamp = new java.sql.Timestamp(0);
    javax.management.ObjectName name = new javax.management.ObjectName("heapbound:type=Test");

    assertThat(ESTIMATOR.deepSize(timestamp)).isEqualTo(ESTIMATOR.shallowSize(timestamp));
    assertThat(ESTIMATOR.deepSize(name)).isGreaterThan(ESTIMATOR.shallowSize(name));
  }

  @Test
  void mutationDuringWalk_marksEstimate() {
    List<Object> list = new ArrayList<>(List.of("a", "b", "c"));
    AtomicBoolean mutated = new AtomicBoolean();
    SizeEstimator mutating =
        SizeEstimator.builder()
            .excludeIf(
                object -> {
                  if (object instanceof String && mutated.compareAndSet(false, true)) {
                    list.add("d");
                  }
                  return false;
                })
            .build();

    Measurement measurement = mutating.measure(list);

    assertThat(mutated).isTrue();
    assertThat(measurement.estimate()).isTrue();
    assertThat(ESTIMATOR.measure(list).estimate()).isFalse();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentMutation_neverThrowsAndEnds() throws InterruptedException {
    ConcurrentHashMap<Integer, Object> map = new ConcurrentHashMap<>();
    List<Object> list = new ArrayList<>();
    Object[] graph = {map, list};
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              started.countDown();
              for (int i = 0; !stop.get() && i < 50_000_000; i++) {
                map.put(i % 5_000, new byte[i % 64]);
                synchronized (list) {
                  if (list.size() > 5_000) {
                    list.clear();
                  }
                  list.add(new Leaf(i));
                }
              }
            });
    writer.start();
    started.await();

    try {
      for (int i = 0; i < 200; i++) {
        assertThat(ESTIMATOR.measure(graph).bytes()).isPositive();
      }
    } finally {
      stop.set(true);
      writer.join();
    }

    assertThat(ESTIMATOR.measure(graph).estimate()).isFalse();
  }

  @Test
  void throwingExclusionPredicate_propagates() {
    SizeEstimator failing =
        SizeEstimator.builder()
            .excludeIf(
                object -> {
                  throw new IllegalStateException("predicate broke");
                })
            .build();

    assertThatThrownBy(() -> failing.measure(new Leaf(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("predicate broke");
    assertThat(failing.measure(null).bytes()).isZero();
  }

  @Test
  void threadReachableFromValue_isNotWalked() {
    Thread worker = new Thread(() -> {}, "worker");
    Object[] value = {worker, new byte[8]};

    assertThat(ESTIMATOR.deepSize(value))
        .isEqualTo(ESTIMATOR.shallowSize(value) + ESTIMATOR.shallowSize(new byte[8]));
  }
}
