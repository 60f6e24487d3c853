package dev.heapbound.cache;

import dev.heapbound.core.CallSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The part of {@link LiveObjectRecorder} that touches {@code jdk.jfr}, so that a runtime without
 * that module fails only when this class loads.
 *
 * <p>JFR emits old-object samples only when a recording that enables the event stops. So one
 * recording samples for as long as the recorder lives, and each snapshot starts and stops a second
 * one with the cutoff set, which makes the JVM emit the samples with their paths to GC roots into
 * the second recording's file.
 */
final class JfrOldObjects {

  private static final String EVENT = "jdk.OldObjectSample";
  private static final int MAX_SITES = 20;

  private final Recording sampling;
  private final String cutoff;
  private volatile boolean closed;

  private JfrOldObjects(Recording sampling, String cutoff) {
    this.sampling = sampling;
    this.cutoff = cutoff;
  }

  static JfrOldObjects start(Duration cutoff) {
    if (!FlightRecorder.isAvailable()) {
      throw new IllegalStateException("Flight Recorder is not available on this JVM");
    }
    Recording sampling = new Recording();
    sampling.setName("heapbound live objects");
    sampling.enable(EVENT).withStackTrace().with("cutoff", "0 ns");
    sampling.setToDisk(false);
    sampling.start();
    return new JfrOldObjects(sampling, cutoff.toMillis() + " ms");
  }

  boolean isClosed() {
    return closed;
  }

  synchronized LiveObjects snapshot() throws IOException {
    System.gc();
    Path file = Files.createTempFile("heapbound-live-objects", ".jfr");
    try {
      try (Recording emit = new Recording()) {
        emit.setName("heapbound live objects snapshot");
        emit.enable(EVENT).withStackTrace().with("cutoff", cutoff);
        emit.start();
        emit.stop();
        emit.dump(file);
      }
      return parse(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  synchronized void close() {
    if (!closed) {
      closed = true;
      sampling.close();
    }
  }

  @Override
  public String toString() {
    return "sampling " + EVENT + ", cutoff " + cutoff + (closed ? ", closed" : "");
  }

  private static LiveObjects parse(Path file) throws IOException {
    Map<String, Group> groups = new LinkedHashMap<>();
    int samples = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals(EVENT)) {
          continue;
        }
        samples++;
        RecordedObject object = event.getValue("object");
        if (object == null) {
          continue;
        }
        String type = typeName(object.getClass("type"));
        CallSite site = allocationSite(event.getStackTrace());
        Chain chain = chain(object, event.getValue("root"));
        String key = type + "|" + site + "|" + chain.shape;
        groups.computeIfAbsent(key, k -> new Group(type, site, chain)).count++;
      }
    }
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort((a, b) -> Integer.compare(b.count, a.count));
    List<LiveObjects.Site> sites = new ArrayList<>();
    for (Group group : sorted.subList(0, Math.min(MAX_SITES, sorted.size()))) {
      sites.add(
          new LiveObjects.Site(
              group.type, group.site, group.count, group.chain.steps, group.chain.staticOwner));
    }
    return new LiveObjects(true, null, samples, sites);
  }

  private static CallSite allocationSite(RecordedStackTrace stackTrace) {
    if (stackTrace == null || stackTrace.getFrames().isEmpty()) {
      return null;
    }
    RecordedFrame frame = stackTrace.getFrames().get(0);
    // JFR records no source file name, so the site gives the line alone.
    return new CallSite(
        typeName(frame.getMethod().getType()),
        frame.getMethod().getName(),
        null,
        frame.getLineNumber());
  }

  /**
   * Reads the path from the sampled object towards its GC root. Each old object's referrer names
   * the field or array slot through which the next object towards the root references it.
   */
  private static Chain chain(RecordedObject object, RecordedObject root) {
    List<Link> links = new ArrayList<>();
    for (RecordedObject current = object; current != null; ) {
      RecordedObject referrer = current.getValue("referrer");
      String type = typeName(current.getClass("type"));
      links.add(
          new Link(
              type,
              className(current, type),
              referrer == null ? null : referenceLabel(referrer),
              referrer == null ? 0 : referrer.getInt("skip")));
      current = referrer == null ? null : referrer.getValue("object");
    }
    return chain(links, root == null ? null : rootStep(root));
  }

  /**
   * Describes the chain from the GC root to the sampled object, from the links that lead from the
   * object towards the root, so it reads them backwards. Only type names, field names and indexes
   * appear, and a description only for a {@code Class} object, where it is the class's name: JFR's
   * descriptions of other objects can carry their contents, such as a thread's name.
   *
   * <p>The static owner is the static field nearest to the sampled object. A {@code Class} object
   * need not be the root: when a program's main thread has ended, for example, the main class is
   * reached through the launcher's static {@code appClass} field, and its own static map is the
   * owner.
   *
   * @param rootStep the description of the GC root, or {@code null} when the recording has none
   */
  static Chain chain(List<Link> links, String rootStep) {
    List<String> steps = new ArrayList<>();
    List<String> shape = new ArrayList<>();
    String owner = null;
    String previousLabel = null;
    for (Link link : links) {
      if (link.className() != null && owner == null && previousLabel != null) {
        owner = staticOwner(link.className(), previousLabel);
      }
      String described = link.className() == null ? link.type() : "class " + link.className();
      if (link.label() == null) {
        steps.add(described);
      } else {
        steps.add(link.label() + " (" + described + ")");
        if (link.skipped() > 0) {
          steps.add("... " + link.skipped() + " objects");
        }
      }
      String label = link.label();
      shape.add(link.type() + (label == null ? "" : label.startsWith("[") ? "[]" : label));
      previousLabel = label;
    }
    if (steps.size() == 1 && rootStep == null) {
      return new Chain(List.of(), String.join(">", shape), null);
    }
    if (rootStep != null) {
      steps.add(rootStep);
    }
    Collections.reverse(steps);
    return new Chain(steps, String.join(">", shape), owner);
  }

  /** Returns the name of the class that a {@code Class} object stands for, or {@code null}. */
  private static String className(RecordedObject object, String type) {
    if (!"java.lang.Class".equals(type)) {
      return null;
    }
    String description = object.getString("description");
    return description == null ? null : description.replace("Class Name: ", "").trim();
  }

  /** Returns {@code Class.field} for a field of a {@code Class} object, or {@code null}. */
  private static String staticOwner(String className, String fieldLabel) {
    if (!fieldLabel.startsWith(".")) {
      return null;
    }
    return className.substring(className.lastIndexOf('.') + 1) + fieldLabel;
  }

  private static String referenceLabel(RecordedObject referrer) {
    RecordedObject field = referrer.getValue("field");
    if (field != null && field.getString("name") != null) {
      return "." + field.getString("name");
    }
    RecordedObject array = referrer.getValue("array");
    if (array != null) {
      return "[" + array.getInt("index") + "]";
    }
    return "(reference)";
  }

  private static String rootStep(RecordedObject root) {
    String system = root.getString("system");
    String type = root.getString("type");
    StringBuilder step = new StringBuilder("GC root: ");
    step.append(system == null ? "unknown" : system);
    if (type != null && !type.equals("<unknown>")) {
      step.append(", ").append(type);
    }
    return step.toString();
  }

  /** Converts a JVM type descriptor such as {@code [B} into a Java type name such as byte[]. */
  static String typeName(RecordedClass type) {
    if (type == null) {
      return "unknown";
    }
    String name = type.getName();
    int dimensions = 0;
    while (dimensions < name.length() && name.charAt(dimensions) == '[') {
      dimensions++;
    }
    if (dimensions == 0) {
      return name;
    }
    String element = name.substring(dimensions);
    String base;
    switch (element.charAt(0)) {
      case 'B':
        base = "byte";
        break;
      case 'C':
        base = "char";
        break;
      case 'D':
        base = "double";
        break;
      case 'F':
        base = "float";
        break;
      case 'I':
        base = "int";
        break;
      case 'J':
        base = "long";
        break;
      case 'S':
        base = "short";
        break;
      case 'Z':
        base = "boolean";
        break;
      default:
        base = element.substring(1, element.length() - 1);
    }
    return base + "[]".repeat(dimensions);
  }

  /**
   * One object on the path from a sampled object towards its GC root.
   *
   * @param type the object's type, as in {@code java.util.HashMap}
   * @param className for a {@code Class} object, the name of the class it stands for, else {@code
   *     null}
   * @param label the field or array slot, such as {@code .table} or {@code [3]}, through which the
   *     next object towards the root references this one; {@code null} for the root object
   * @param skipped the objects that JFR left out between this one and the next
   */
  record Link(String type, String className, String label, int skipped) {}

  /**
   * The chain from a GC root to a sampled object, in words.
   *
   * @param steps the steps from the root to the object
   * @param shape the types and field names of the steps, without array indexes, which groups
   *     objects kept alive the same way
   * @param staticOwner the nearest static field, as {@code Class.field}, or {@code null}
   */
  record Chain(List<String> steps, String shape, String staticOwner) {}

  private static final class Group {
    final String type;
    final CallSite site;
    final Chain chain;
    int count;

    Group(String type, CallSite site, Chain chain) {
      this.type = type;
      this.site = site;
      this.chain = chain;
    }
  }
}
