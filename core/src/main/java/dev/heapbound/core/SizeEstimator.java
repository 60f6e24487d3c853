package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures the deep size of object graphs in bytes, as HotSpot lays them out on the running JVM.
 *
 * <p>The figures equal JOL's {@code GraphLayout.parseInstance(root).totalSize()} for graphs that
 * reference no enum constant, with compressed references on or off, and need no JVM flag: no agent,
 * no {@code --add-opens}, no {@code -Djol.magicFieldOffset}. Records and hidden classes, lambdas
 * among them, are measured like any other class.
 *
 * <p>The walk is iterative, so a linked list of millions of nodes does not overflow the stack. It
 * never calls {@code hashCode}, {@code equals}, {@code toString} or any other method of the objects
 * it walks: fields are read directly, and objects are tracked by identity.
 *
 * <p>Some objects are treated as shared by design and neither counted nor walked:
 *
 * <ul>
 *   <li>enum constants, by default; {@link Builder#countEverything()} counts and walks them the way
 *       JOL does;
 *   <li>{@code Class} objects, threads, thread groups, class loaders, modules and module layers,
 *       always. They are runtime structure rather than part of any value, and a {@code Class}
 *       object's graph is the JVM's own reflection caches, which change as the program runs.
 * </ul>
 *
 * <p>Users exclude their own shared structure with {@link Builder#excludeType}, {@link
 * Builder#excludeField} and {@link Builder#excludeIf}.
 *
 * <p>Instances are immutable and safe to share between threads. Per-class layout is computed once
 * and cached. Each thread reuses its own scratch space, which is cleared after every walk so that
 * no measured object is kept alive.
 *
 * <p><b>Note:</b> a graph that another thread mutates while it is walked is measured without error
 * and the walk ends, but the figure describes no single moment of the graph. When a JDK collection
 * in the graph ({@code ArrayList}, {@code HashMap}, {@code ConcurrentHashMap} and the others that
 * count their changes) changed during the walk, the measurement is marked as an estimate. Other
 * mutations go unnoticed, so weigh immutable values.
 */
public final class SizeEstimator {

  /** The default object budget of a walk. */
  public static final long DEFAULT_MAX_OBJECTS = 10_000_000;

  private static final SizeEstimator DEFAULTS = new Builder().build();

  private static final Set<Class<?>> RUNTIME_TYPES =
      Set.of(
          Class.class,
          Thread.class,
          ThreadGroup.class,
          ClassLoader.class,
          Module.class,
          ModuleLayer.class);

  private final MemoryLayout layout;
  private final boolean countEverything;
  private final List<Class<?>> excludedTypes;
  private final Set<Field> excludedFields;
  private final Predicate<Object> excludePredicate;
  private final long maxObjects;
  private final ClassValue<TypeInfo> types;
  private final ThreadLocal<Walk> walks = ThreadLocal.withInitial(Walk::new);

  private SizeEstimator(Builder builder) {
    this.layout = MemoryLayout.CURRENT;
    this.countEverything = builder.countEverything;
    this.excludedTypes = List.copyOf(builder.excludedTypes);
    this.excludedFields = Set.copyOf(builder.excludedFields);
    this.excludePredicate = builder.excludePredicate;
    this.maxObjects = builder.maxObjects;
    this.types =
        new ClassValue<>() {
          @Override
          protected TypeInfo computeValue(Class<?> type) {
            return describe(type);
          }
        };
  }

  /** Returns the shared estimator with the default settings. */
  public static SizeEstimator defaults() {
    return DEFAULTS;
  }

  /** Returns a builder of an estimator with settings of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the deep size of the graph reachable from {@code root} in bytes, or 0 for {@code null}.
   * When the walk reaches the object budget this is a lower bound; use {@link #measure} to tell.
   */
  public long deepSize(Object root) {
    return measure(root).bytes();
  }

  /** Measures the graph reachable from {@code root}; a {@code null} root measures 0 bytes. */
  public Measurement measure(Object root) {
    if (root == null) {
      return new Measurement(0, 0, false);
    }
    Walk walk = walks.get();
    if (walk.busy) {
      // An exclusion predicate measured something itself: give the nested walk its own space.
      walk = new Walk();
    }
    walk.busy = true;
    try {
      return walk(root, walk);
    } finally {
      walk.clear();
      walk.busy = false;
    }
  }

  /**
   * Measures two graphs as one, counting the objects they share once, as a cache entry's key and
   * value are weighed. Either root may be {@code null}.
   */
  public Measurement measure(Object first, Object second) {
    if (first != null && second != null && first != second && excludePredicate == null) {
      // A cache entry of two objects that reference nothing, such as an Integer key and a byte[]
      // value, needs neither the identity table nor the stack.
      TypeInfo firstInfo = types.get(first.getClass());
      TypeInfo secondInfo = types.get(second.getClass());
      if (firstInfo.leaf && secondInfo.leaf && !firstInfo.skipped && !secondInfo.skipped) {
        long objects = Math.min(2, maxObjects);
        long bytes = leafSize(firstInfo, first) + (objects == 2 ? leafSize(secondInfo, second) : 0);
        return new Measurement(bytes, objects, objects < 2);
      }
    }
    Walk walk = walks.get();
    if (walk.busy) {
      walk = new Walk();
    }
    walk.busy = true;
    try {
      boolean any = first != null && admit(first, walk);
      any |= second != null && admit(second, walk);
      return any ? drain(walk) : new Measurement(0, 0, false);
    } finally {
      walk.clear();
      walk.busy = false;
    }
  }

  /**
   * Returns the size of the object itself in bytes, without anything it references. This equals
   * JOL's {@code VM.current().sizeOf(object)}.
   */
  public long shallowSize(Object object) {
    Objects.requireNonNull(object, "object");
    Class<?> type = object.getClass();
    if (!type.isArray()) {
      return ClassShape.of(type).instanceSize;
    }
    TypeInfo info = types.get(type);
    return arraySize(info, Array.getLength(object));
  }

  /**
   * Returns the size in bytes of an instance of {@code type}, which must not be an array, an
   * interface or a primitive type. This equals JOL's {@code
   * ClassLayout.parseClass(type).instanceSize()}.
   *
   * @throws IllegalArgumentException if {@code type} has no fixed instance size
   */
  public long instanceSize(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (type.isArray() || type.isInterface() || type.isPrimitive()) {
      throw new IllegalArgumentException(
          "type must be a class with a fixed instance size, not " + type.getName());
    }
    return ClassShape.of(type).instanceSize;
  }

  /** Returns the object budget of a walk. */
  public long maxObjects() {
    return maxObjects;
  }

  @Override
  public String toString() {
    return "SizeEstimator{"
        + layout
        + (countEverything ? ", countEverything" : "")
        + (excludedTypes.isEmpty() ? "" : ", excludedTypes=" + excludedTypes.size())
        + (excludedFields.isEmpty() ? "" : ", excludedFields=" + excludedFields.size())
        + (excludePredicate == null ? "" : ", excludeIf")
        + ", maxObjects="
        + maxObjects
        + "}";
  }

  private Measurement walk(Object root, Walk walk) {
    if (!admit(root, walk)) {
      return new Measurement(0, 0, false);
    }
    return drain(walk);
  }

  /** Counts every object on the walk's stack and everything reachable from them. */
  private Measurement drain(Walk walk) {
    while (walk.depth > 0) {
      if (walk.objects == maxObjects) {
        walk.budgetReached = true;
        break;
      }
      TypeInfo info = walk.peekInfo();
      Object object = walk.pop();
      walk.objects++;
      if (info.array) {
        Object[] elements = (Object[]) object;
        walk.bytes += arraySize(info, elements.length);
        for (Object element : elements) {
          if (element != null) {
            admit(element, walk);
          }
        }
      } else {
        walk.bytes += info.instanceSize;
        if (info.changeCounterOffset >= 0) {
          walk.watch(object, info.changeCounterOffset, info.changeCounterIsLong);
        }
        for (long offset : info.referenceOffsets) {
          Object child = UNSAFE.getObject(object, offset);
          if (child != null) {
            admit(child, walk);
          }
        }
      }
    }
    boolean estimate = walk.budgetReached || walk.changedSinceWatched();
    return new Measurement(walk.bytes, walk.objects, estimate);
  }

  /**
   * Marks an object as reached unless it is excluded or was reached before. An object that
   * references nothing, such as a primitive array or a record of primitives, is counted at once;
   * any other is pushed for {@link #drain} to count and walk.
   */
  private boolean admit(Object object, Walk walk) {
    TypeInfo info = types.get(object.getClass());
    if (info.skipped) {
      return false;
    }
    if (excludePredicate != null && excludePredicate.test(object)) {
      return false;
    }
    if (walk.objects + walk.depth >= maxObjects) {
      // Objects waiting on the stack count against the budget too, so that a huge array stops
      // costing time and memory once the budget is spent.
      walk.budgetReached = true;
      return false;
    }
    if (!walk.visited.add(object)) {
      return false;
    }
    if (!info.leaf) {
      walk.push(object, info);
    } else {
      walk.objects++;
      walk.bytes += leafSize(info, object);
    }
    return true;
  }

  private long leafSize(TypeInfo info, Object object) {
    return info.array ? arraySize(info, Array.getLength(object)) : info.instanceSize;
  }

  private long arraySize(TypeInfo info, int length) {
    return layout.align(info.arrayBaseOffset + (long) length * info.arrayIndexScale);
  }

  private TypeInfo describe(Class<?> type) {
    boolean skipped = isSkipped(type);
    if (type.isArray()) {
      return TypeInfo.array(
          skipped,
          UNSAFE.arrayBaseOffset(type),
          UNSAFE.arrayIndexScale(type),
          !type.getComponentType().isPrimitive());
    }
    if (skipped) {
      return TypeInfo.instance(true, 0, new long[0]);
    }
    ClassShape shape = ClassShape.of(type);
    long[] offsets = shape.referenceOffsets;
    if (!excludedFields.isEmpty()) {
      List<Long> walkedOffsets = new ArrayList<>();
      for (int i = 0; i < offsets.length; i++) {
        if (!excludedFields.contains(shape.referenceFields[i])) {
          walkedOffsets.add(offsets[i]);
        }
      }
      offsets = walkedOffsets.stream().mapToLong(Long::longValue).toArray();
    }
    TypeInfo info = TypeInfo.instance(false, shape.instanceSize, offsets);
    info.changeCounterOffset = shape.changeCounterOffset;
    info.changeCounterIsLong = shape.changeCounterIsLong;
    info.leaf = offsets.length == 0 && shape.changeCounterOffset < 0;
    return info;
  }

  private boolean isSkipped(Class<?> type) {
    for (Class<?> runtimeType : RUNTIME_TYPES) {
      if (runtimeType.isAssignableFrom(type)) {
        return true;
      }
    }
    if (!countEverything && Enum.class.isAssignableFrom(type)) {
      return true;
    }
    for (Class<?> excluded : excludedTypes) {
      if (excluded.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /** The layout facts and exclusion decision that a walk uses for one class. */
  private static final class TypeInfo {
    final boolean skipped;
    final boolean array;
    final boolean referenceArray;
    final long instanceSize;
    final long[] referenceOffsets;
    final int arrayBaseOffset;
    final int arrayIndexScale;
    long changeCounterOffset = -1;
    boolean changeCounterIsLong;

    /** Whether instances reference nothing, so that counting them needs no walk. */
    boolean leaf;

    private TypeInfo(
        boolean skipped,
        boolean array,
        boolean referenceArray,
        long instanceSize,
        long[] referenceOffsets,
        int arrayBaseOffset,
        int arrayIndexScale) {
      this.skipped = skipped;
      this.array = array;
      this.referenceArray = referenceArray;
      this.instanceSize = instanceSize;
      this.referenceOffsets = referenceOffsets;
      this.arrayBaseOffset = arrayBaseOffset;
      this.arrayIndexScale = arrayIndexScale;
    }

    static TypeInfo instance(boolean skipped, long instanceSize, long[] referenceOffsets) {
      TypeInfo info = new TypeInfo(skipped, false, false, instanceSize, referenceOffsets, 0, 0);
      info.leaf = referenceOffsets.length == 0;
      return info;
    }

    static TypeInfo array(boolean skipped, int baseOffset, int indexScale, boolean references) {
      TypeInfo info =
          new TypeInfo(skipped, true, references, 0, new long[0], baseOffset, indexScale);
      info.leaf = !references;
      return info;
    }
  }

  /** The scratch space of one walk: the objects to visit and those already seen. */
  private static final class Walk {
    private static final int RETAINED_DEPTH = 1 << 14;

    final IdentitySet visited = new IdentitySet();
    Object[] stack = new Object[256];
    TypeInfo[] stackInfos = new TypeInfo[256];
    int depth;
    long bytes;
    long objects;
    boolean budgetReached;
    boolean busy;
    Object[] watched = new Object[16];
    long[] counterOffsets = new long[16];
    long[] counterValues = new long[16];
    boolean[] counterIsLong = new boolean[16];
    int watchedCount;

    /** Notes a collection's change counter, to tell afterwards whether it changed mid-walk. */
    void watch(Object collection, long offset, boolean isLong) {
      if (watchedCount == watched.length) {
        int capacity = watchedCount << 1;
        watched = Arrays.copyOf(watched, capacity);
        counterOffsets = Arrays.copyOf(counterOffsets, capacity);
        counterValues = Arrays.copyOf(counterValues, capacity);
        counterIsLong = Arrays.copyOf(counterIsLong, capacity);
      }
      watched[watchedCount] = collection;
      counterOffsets[watchedCount] = offset;
      counterIsLong[watchedCount] = isLong;
      counterValues[watchedCount] = readCounter(collection, offset, isLong);
      watchedCount++;
    }

    boolean changedSinceWatched() {
      for (int i = 0; i < watchedCount; i++) {
        if (readCounter(watched[i], counterOffsets[i], counterIsLong[i]) != counterValues[i]) {
          return true;
        }
      }
      return false;
    }

    private static long readCounter(Object collection, long offset, boolean isLong) {
      return isLong
          ? UNSAFE.getLongVolatile(collection, offset)
          : UNSAFE.getIntVolatile(collection, offset);
    }

    void push(Object object, TypeInfo info) {
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, depth << 1);
        stackInfos = Arrays.copyOf(stackInfos, depth << 1);
      }
      stackInfos[depth] = info;
      stack[depth++] = object;
    }

    /** Returns the type of the object that {@link #pop()} returns next. */
    TypeInfo peekInfo() {
      return stackInfos[depth - 1];
    }

    Object pop() {
      Object object = stack[--depth];
      stack[depth] = null;
      return object;
    }

    void clear() {
      if (watched.length > RETAINED_DEPTH) {
        watched = new Object[16];
        counterOffsets = new long[16];
        counterValues = new long[16];
        counterIsLong = new boolean[16];
      } else {
        Arrays.fill(watched, 0, watchedCount, null);
      }
      watchedCount = 0;
      if (stack.length > RETAINED_DEPTH) {
        stack = new Object[256];
        stackInfos = new TypeInfo[256];
      } else {
        Arrays.fill(stack, 0, depth, null);
      }
      depth = 0;
      bytes = 0;
      objects = 0;
      budgetReached = false;
      visited.clear();
    }
  }

  /**
   * A builder of a {@link SizeEstimator}. Exclusions add up; an object that any of them matches is
   * neither counted nor walked.
   */
  public static final class Builder {
    private boolean countEverything;
    private final List<Class<?>> excludedTypes = new ArrayList<>();
    private final Set<Field> excludedFields = new HashSet<>();
    private Predicate<Object> excludePredicate;
    private long maxObjects = DEFAULT_MAX_OBJECTS;

    private Builder() {}

    /**
     * Counts and walks enum constants like any other object, as JOL does. {@code Class} objects,
     * threads, class loaders and modules are still neither counted nor walked.
     */
    public Builder countEverything() {
      this.countEverything = true;
      return this;
    }

    /** Excludes every instance of {@code type} and of its subtypes. */
    public Builder excludeType(Class<?> type) {
      excludedTypes.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Excludes what the named reference field of {@code declaringClass} points to, for instances of
     * that class and of its subclasses.
     *
     * @throws IllegalArgumentException if the class declares no such instance field, or the field
     *     is primitive
     */
    public Builder excludeField(Class<?> declaringClass, String fieldName) {
      Objects.requireNonNull(declaringClass, "declaringClass");
      Objects.requireNonNull(fieldName, "fieldName");
      for (Field field : ClassShape.instanceFields(declaringClass)) {
        if (field.getName().equals(fieldName)) {
          if (field.getType().isPrimitive()) {
            throw new IllegalArgumentException(
                "excludeField needs a reference field, but "
                    + declaringClass.getName()
                    + "."
                    + fieldName
                    + " is a "
                    + field.getType()
                    + "; exclude a field that references shared structure");
          }
          excludedFields.add(field);
          return this;
        }
      }
      throw new IllegalArgumentException(
          "excludeField found no instance field '"
              + fieldName
              + "' declared in "
              + declaringClass.getName()
              + "; name a field that the class itself declares");
    }

    /**
     * Excludes every object for which {@code predicate} returns {@code true}. The predicate runs
     * once for each object the walk reaches, so it should be cheap, and it is the only code of the
     * user's that the estimator ever calls.
     */
    public Builder excludeIf(Predicate<Object> predicate) {
      Objects.requireNonNull(predicate, "predicate");
      excludePredicate = excludePredicate == null ? predicate : excludePredicate.or(predicate);
      return this;
    }

    /**
     * Sets how many objects a walk counts before it stops and marks its result as an estimate.
     *
     * @throws IllegalArgumentException if {@code maxObjects} is not positive
     */
    public Builder maxObjects(long maxObjects) {
      if (maxObjects <= 0) {
        throw new IllegalArgumentException(
            "maxObjects must be positive: " + maxObjects + "; set a budget of at least 1 object");
      }
      this.maxObjects = maxObjects;
      return this;
    }

    public SizeEstimator build() {
      return new SizeEstimator(this);
    }
  }
}
