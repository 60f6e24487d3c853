package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Compares the estimator with JOL on a table of graphs. Runs in test JVMs that give JOL the flags
 * it needs (see the {@code jol.argLine} property of this module), once with compressed references,
 * once without, and once without compressed class pointers either.
 */
@Tag("jol")
class SizeEstimatorJolTest {

  private static final SizeEstimator EVERYTHING = SizeEstimator.builder().countEverything().build();

  static Stream<Arguments> graphs() {
    return Stream.of(
        graph("object", Object::new),
        graph("empty record", Empty::new),
        graph("record report", () -> new Report("report-1", new byte[1 << 20])),
        graph("class report", () -> new ReportClass("report-1", new byte[1 << 20])),
        graph("nested records", () -> new Outer(new Report("a", new byte[10]), 7L, new Empty())),
        graph("mixed record", () -> new Mixed((byte) 1, "x", 2L, 3, 'c', true, (short) 4, 5f)),
        graph("capturing lambda", SizeEstimatorJolTest::capturingLambda),
        graph("bound method reference", () -> (Supplier<Integer>) "text"::length),
        graph("boolean[]", () -> new boolean[13]),
        graph("byte[]", () -> new byte[13]),
        graph("char[]", () -> new char[13]),
        graph("short[]", () -> new short[13]),
        graph("int[]", () -> new int[13]),
        graph("long[]", () -> new long[13]),
        graph("float[]", () -> new float[13]),
        graph("double[]", () -> new double[13]),
        graph("empty Object[]", () -> new Object[0]),
        graph("String[] with nulls", () -> new String[] {"a", null, "bcd"}),
        graph("int[][]", () -> new int[][] {{1, 2}, {3}, {}}),
        graph("Latin-1 String", () -> "x".repeat(1 << 20)),
        graph("UTF-16 String", () -> "\u00e9\u4e2d".repeat(100)),
        graph("empty String", () -> new String("")),
        graph("boxed values", () -> List.of(1, 2L, 3.0, 'c', true, (byte) 5, (short) 6, 7f)),
        graph("BigInteger", () -> BigInteger.TWO.pow(300)),
        graph("BigDecimal", () -> new BigDecimal("12345678901234567890.123456789")),
        graph("UUID", () -> new UUID(1, 2)),
        graph("Optional", () -> Optional.of("value")),
        graph("AtomicLong", () -> new AtomicLong(4)),
        graph("LocalDate", () -> LocalDate.of(2026, 12, 4)),
        graph("LocalDateTime", () -> LocalDateTime.of(2026, 12, 4, 10, 30)),
        graph("Instant", () -> Instant.ofEpochSecond(1_800_000_000L, 5)),
        graph("Duration", () -> Duration.ofMillis(1234)),
        graph("Period", () -> Period.of(1, 2, 3)),
        graph("OffsetDateTime", () -> OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6, ZoneOffset.UTC)),
        graph("ArrayList", () -> new ArrayList<>(List.of("a", "b", "c"))),
        graph("ArrayList of Integers", SizeEstimatorJolTest::integers),
        graph("LinkedList", () -> new LinkedList<>(List.of("a", "b", "c"))),
        graph("HashMap holding a large String", SizeEstimatorJolTest::mapWithLargeString),
        graph("HashMap", () -> new HashMap<>(Map.of("a", 1, "b", 2))),
        graph("LinkedHashMap", () -> new LinkedHashMap<>(Map.of("a", 1, "b", 2))),
        graph("TreeMap", () -> new TreeMap<>(Map.of("a", 1, "b", 2, "c", 3))),
        graph("HashSet", () -> new HashSet<>(Set.of("a", "b"))),
        graph("ArrayDeque", () -> new ArrayDeque<>(List.of(1, 2, 3))),
        graph("PriorityQueue", () -> new PriorityQueue<>(List.of(3, 1, 2))),
        graph("ConcurrentHashMap", () -> new ConcurrentHashMap<>(Map.of("a", 1, "b", 2))),
        graph("CopyOnWriteArrayList", () -> new CopyOnWriteArrayList<>(List.of("a"))),
        graph("BitSet", () -> BitSet.valueOf(new long[] {1, 2, 3})),
        graph("List.of", () -> List.of("a", "b", "c")),
        graph("List.of two", () -> List.of("a", "b")),
        graph("Set.of", () -> Set.of("a", "b", "c")),
        graph("Map.of", () -> Map.of("a", 1, "b", 2)),
        graph("Map.ofEntries", () -> Map.copyOf(new HashMap<>(Map.of("a", 1, "b", 2, "c", 3)))),
        graph("unmodifiableList", () -> Collections.unmodifiableList(new ArrayList<>(List.of(1)))),
        graph("synchronizedMap", () -> Collections.synchronizedMap(new HashMap<>(Map.of(1, 2)))),
        graph("Arrays.asList", () -> Arrays.asList("a", "b")),
        graph("enum constants", () -> new ArrayList<>(List.of(Color.RED, Color.BLUE))),
        graph("record with enum", () -> new Painted(Color.BLUE, "wall")),
        graph("self cycle", SizeEstimatorJolTest::selfCycle),
        graph("two-node cycle", SizeEstimatorJolTest::twoNodeCycle),
        graph("shared child", SizeEstimatorJolTest::sharedChild));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void deepSize_equalsJolTotalSize(String name, Object graph) {
    long jol = GraphLayout.parseInstance(graph).totalSize();

    assertThat(EVERYTHING.deepSize(graph)).as("countEverything, %s", name).isEqualTo(jol);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void deepSize_defaultsEqualJolWithoutEnumConstants(String name, Object graph) {
    GraphLayout enumConstants = GraphLayout.parseInstance((Object[]) Color.values());
    long expected = GraphLayout.parseInstance(graph).subtract(enumConstants).totalSize();

    assertThat(SizeEstimator.defaults().deepSize(graph))
        .as("defaults, %s", name)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void shallowSize_equalsJolSizeOf(String name, Object graph) {
    assertThat(SizeEstimator.defaults().shallowSize(graph))
        .as("shallow, %s", name)
        .isEqualTo(VM.current().sizeOf(graph));
  }

  @Test
  void memoryLayout_matchesJol() {
    assertThat(MemoryLayout.CURRENT.headerSize).isEqualTo(VM.current().objectHeaderSize());
    assertThat(MemoryLayout.CURRENT.referenceSize)
        .isEqualTo(VM.current().sizeOfField("java.lang.Object"));
    assertThat(MemoryLayout.CURRENT.objectAlignment).isEqualTo(VM.current().objectAlignment());
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "java.util.concurrent.atomic.Striped64$Cell",
        "java.util.concurrent.ConcurrentHashMap$CounterCell"
      })
  void shallowSize_ofContendedJdkClass_equalsJol(String className) throws Exception {
    java.lang.reflect.Constructor<?> constructor =
        Class.forName(className).getDeclaredConstructor(long.class);
    constructor.setAccessible(true);
    Object cell = constructor.newInstance(7L);

    assertThat(SizeEstimator.defaults().shallowSize(cell)).isEqualTo(VM.current().sizeOf(cell));
  }

  @Test
  void shallowSize_ofThreadWithContendedFields_equalsJol() {
    Thread thread = new Thread(() -> {});

    assertThat(SizeEstimator.defaults().shallowSize(thread)).isEqualTo(VM.current().sizeOf(thread));
  }

  @Test
  void enumMap_countsMapArraysAndValuesOnly() throws ReflectiveOperationException {
    EnumMap<Color, Integer> map = new EnumMap<>(Color.class);
    map.put(Color.RED, 1000);
    Object keyUniverse = field(EnumMap.class, "keyUniverse").get(map);
    Object values = field(EnumMap.class, "vals").get(map);
    long expected =
        VM.current().sizeOf(map)
            + VM.current().sizeOf(keyUniverse)
            + VM.current().sizeOf(values)
            + VM.current().sizeOf(map.get(Color.RED));

    assertThat(SizeEstimator.defaults().deepSize(map)).isEqualTo(expected);
  }

  @Test
  void enumSet_countsTheSetAndItsUniverseArray() throws ReflectiveOperationException {
    EnumSet<Color> set = EnumSet.of(Color.RED, Color.BLUE);
    Object universe = field(set.getClass().getSuperclass(), "universe").get(set);
    long expected = VM.current().sizeOf(set) + VM.current().sizeOf(universe);

    assertThat(SizeEstimator.defaults().deepSize(set)).isEqualTo(expected);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static Arguments graph(String name, Supplier<Object> graph) {
    return Arguments.of(name, graph.get());
  }

  private static Object capturingLambda() {
    byte[] captured = new byte[1 << 20];
    Supplier<Integer> lambda = () -> captured.length;
    return new Holder(lambda);
  }

  private static Object integers() {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      list.add(i);
    }
    return list;
  }

  private static Object mapWithLargeString() {
    Map<String, String> map = new HashMap<>();
    map.put("k", "x".repeat(1 << 20));
    return map;
  }

  private static Object selfCycle() {
    Node node = new Node();
    node.next = node;
    return node;
  }

  private static Object twoNodeCycle() {
    Node first = new Node();
    Node second = new Node();
    first.next = second;
    second.next = first;
    return first;
  }

  private static Object sharedChild() {
    String shared = "shared".repeat(10);
    return new Object[] {shared, shared, new Object[] {shared}};
  }

  enum Color {
    RED,
    BLUE
  }

  record Empty() {}

  record Painted(Color color, String surface) {}

  record Report(String id, byte[] data) {}

  record Outer(Report report, long version, Empty marker) {}

  record Mixed(
      byte tag,
      Object reference,
      long wide,
      int count,
      char letter,
      boolean flag,
      short s,
      float f) {}

  static final class ReportClass {
    final String id;
    final byte[] data;

    ReportClass(String id, byte[] data) {
      this.id = id;
      this.data = data;
    }
  }

  record Holder(Supplier<Integer> supplier) {}

  static final class Node {
    Node next;
  }
}
