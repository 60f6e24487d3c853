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
   * Describes the chain from the GC root to the sampled object. Each old object's referrer names
   * the field or array slot of the next object towards the root, so the chain is read backwards.
   * Only type names, field names and indexes appear, and a description only for a {@code Class}
   * object, where it is the class's name: JFR's descriptions of other objects can carry their
   * contents, such as a thread's name.
   */
  private static Chain chain(RecordedObject object, RecordedObject root) {
    List<String> steps = new ArrayList<>();
    List<String> shape = new ArrayList<>();
    RecordedObject current = object;
    String rootClass = null;
    String rootField = null;
    String previousLabel = null;
    while (current != null) {
      RecordedObject referrer = current.getValue("referrer");
      String label = referrer == null ? null : referenceLabel(referrer);
      String type = typeName(current.getClass("type"));
      if (referrer == null) {
        String description = current.getString("description");
        if ("java.lang.Class".equals(type) && description != null) {
          rootClass = description.replace("Class Name: ", "").trim();
          steps.add("class " + rootClass);
          rootField = previousLabel;
        } else {
          steps.add(type);
        }
      } else {
        steps.add(label + " (" + type + ")");
        int skipped = referrer.getInt("skip");
        if (skipped > 0) {
          steps.add("... " + skipped + " objects");
        }
      }
      shape.add(type + (label == null ? "" : label.startsWith("[") ? "[]" : label));
      previousLabel = label;
      current = referrer == null ? null : referrer.getValue("object");
    }
    if (steps.size() == 1 && root == null) {
      return new Chain(List.of(), String.join(">", shape), null);
    }
    if (root != null) {
      steps.add(rootStep(root));
    }
    Collections.reverse(steps);
    String owner = null;
    if (rootClass != null && rootField != null && rootField.startsWith(".")) {
      owner = rootClass.substring(rootClass.lastIndexOf('.') + 1) + rootField;
    }
    return new Chain(steps, String.join(">", shape), owner);
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

  private record Chain(List<String> steps, String shape, String staticOwner) {}

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
