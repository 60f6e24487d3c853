package dev.heapbound.core;

import static dev.heapbound.core.UnsafeAccess.UNSAFE;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chain of strong references from a root to an object, in words: the root's name, then each field
 * or array index followed, with the type it leads to, as in {@code ReportService.REPORTS
 * (java.util.HashMap) -> .table (java.util.HashMap$Node[]) -> [17] (java.util.HashMap$Node) ->
 * .value (com.example.Report)}. No value of any object appears in it.
 *
 * <p>{@link #find} searches breadth first, so the chain it returns is a shortest one. It reads
 * fields directly, like {@link SizeEstimator}, and calls no method of the objects it walks. It does
 * not follow the referent of a weak, soft or phantom reference, nor enter {@code Class} objects,
 * threads or class loaders.
 */
public final class ReferenceChain {

  /** The objects a search visits at most, by default. */
  public static final long DEFAULT_MAX_OBJECTS = 2_000_000;

  private final List<String> steps;

  private ReferenceChain(List<String> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * Returns a shortest chain from one of the named {@code roots} to {@code target}, or empty when
   * none of them reaches it within {@code maxObjects} objects.
   */
  public static Optional<ReferenceChain> find(
      Object target, Map<String, ?> roots, long maxObjects) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(roots, "roots");
    Map<Object, Link> links = new IdentityHashMap<>();
    ArrayDeque<Object> queue = new ArrayDeque<>();
    for (Map.Entry<String, ?> root : roots.entrySet()) {
      Object object = root.getValue();
      if (object != null && !links.containsKey(object) && !isOpaque(object.getClass())) {
        links.put(object, new Link(null, root.getKey() + " (" + typeName(object) + ")"));
        queue.add(object);
      }
    }
    long visited = 0;
    while (!queue.isEmpty() && visited++ < maxObjects) {
      Object object = queue.poll();
      if (object == target) {
        return Optional.of(new ReferenceChain(stepsTo(object, links)));
      }
      for (Map.Entry<String, Object> child : children(object).entrySet()) {
        Object next = child.getValue();
        if (!links.containsKey(next) && !isOpaque(next.getClass())) {
          links.put(next, new Link(object, child.getKey() + " (" + typeName(next) + ")"));
          queue.add(next);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a shortest chain from a static field of one of {@code classes} to {@code target}. Each
   * root is named {@code SimpleClassName.FIELD}. Fields that reflection may not read are skipped.
   */
  public static Optional<ReferenceChain> fromStaticFields(
      Object target, Collection<Class<?>> classes, long maxObjects) {
    return find(target, staticFields(classes), maxObjects);
  }

  /**
   * Returns the values of the static reference fields of {@code classes}, named {@code
   * SimpleClassName.FIELD}, in declaration order. Fields that reflection may not read are left out.
   */
  public static Map<String, Object> staticFields(Collection<Class<?>> classes) {
    Map<String, Object> roots = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())
            && !field.getType().isPrimitive()
            && field.trySetAccessible()) {
          try {
            roots.put(ownerName(type, field), field.get(null));
          } catch (IllegalAccessException e) {
            // trySetAccessible succeeded, so this does not happen; the field is left out if it does
          }
        }
      }
    }
    return roots;
  }

  /** Returns the name of a static field as {@code SimpleClassName.FIELD}. */
  public static String ownerName(Class<?> type, Field field) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1) + "." + field.getName();
  }

  /** Returns the steps from the root to the object. */
  public List<String> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return String.join(" -> ", steps);
  }

  private static List<String> stepsTo(Object object, Map<Object, Link> links) {
    List<String> steps = new ArrayList<>();
    for (Object current = object; current != null; ) {
      Link link = links.get(current);
      steps.add(link.step);
      current = link.parent;
    }
    Collections.reverse(steps);
    return steps;
  }

  private static Map<String, Object> children(Object object) {
    Map<String, Object> children = new LinkedHashMap<>();
    Class<?> type = object.getClass();
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        Object[] elements = (Object[]) object;
        for (int i = 0; i < elements.length; i++) {
          if (elements[i] != null) {
            children.putIfAbsent("[" + i + "]", elements[i]);
          }
        }
      }
      return children;
    }
    ClassShape shape = ClassShape.of(type);
    for (int i = 0; i < shape.referenceOffsets.length; i++) {
      Field field = shape.referenceFields[i];
      if (field.getDeclaringClass() == Reference.class) {
        continue;
      }
      Object child = UNSAFE.getObject(object, shape.referenceOffsets[i]);
      if (child != null) {
        children.putIfAbsent("." + field.getName(), child);
      }
    }
    return children;
  }

  private static boolean isOpaque(Class<?> type) {
    return Class.class == type
        || Thread.class.isAssignableFrom(type)
        || ThreadGroup.class.isAssignableFrom(type)
        || ClassLoader.class.isAssignableFrom(type)
        || Module.class == type
        || ModuleLayer.class == type;
  }

  private static String typeName(Object object) {
    return Scope.typeName(object.getClass());
  }

  private record Link(Object parent, String step) {}
}
