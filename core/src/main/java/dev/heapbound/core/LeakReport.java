package dev.heapbound.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One distinct leak that a {@link LeakDetector} found. It names what leaked by type and scope,
 * never by value: no {@code toString} of a tracked value or a resource is ever called.
 *
 * @param kind what went wrong
 * @param scopeName the name of the scope
 * @param creationSite where the scope was opened, or {@code null} when its stack was not sampled
 * @param types the types of the objects concerned: the escaped value's, or those of the resources a
 *     scope never released
 * @param estimatedBytes the deep size of those objects in bytes when the leak was found, an
 *     estimate because it stops at an object budget, or -1 when it was not measured
 * @param fingerprint a stable hash of the kind, scope name and types, equal across runs and JVMs,
 *     so that repeats group together
 */
public record LeakReport(
    Kind kind,
    String scopeName,
    CallSite creationSite,
    List<String> types,
    long estimatedBytes,
    String fingerprint) {

  /** The subject of a leak report. Each kind's name is its stable tag. */
  public enum Kind {
    /** A value tracked in a scope was still reachable after the scope closed and a GC ran. */
    SCOPE_ESCAPE,
    /** A scope was garbage-collected without being closed, so it released nothing. */
    SCOPE_NOT_CLOSED
  }

  public LeakReport {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scopeName, "scopeName");
    types = List.copyOf(types);
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Returns the stable tag of the report, the name of its kind, as in {@code SCOPE_ESCAPE}. */
  public String tag() {
    return kind.name();
  }

  /**
   * Returns the fingerprint of a leak: the first 12 hex digits of the SHA-256 hash of its kind,
   * scope name and types. The creation site is left out, because it is sampled.
   */
  public static String fingerprint(Kind kind, String scopeName, List<String> types) {
    String identity = kind.name() + "\n" + scopeName + "\n" + String.join(",", types);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** Describes the leak in one line for a log, with the tag and fingerprint first. */
  public String describe() {
    StringBuilder text = new StringBuilder("LEAK ").append(tag());
    text.append(" fingerprint=").append(fingerprint).append(": ");
    if (kind == Kind.SCOPE_ESCAPE) {
      text.append("a ").append(String.join(", ", types));
      appendSize(text);
      text.append(" tracked in scope '").append(scopeName);
      text.append("' is still reachable after the scope closed and the garbage collector ran; ");
    } else {
      text.append("scope '").append(scopeName).append("' was garbage-collected without close()");
      if (types.isEmpty()) {
        text.append("; ");
      } else {
        text.append(", so its resources were never released (").append(String.join(", ", types));
        text.append(")");
        appendSize(text);
        text.append("; ");
      }
    }
    appendSite(text);
    if (kind == Kind.SCOPE_ESCAPE) {
      text.append("; find the field, cache or listener that keeps the value, or stop tracking it")
          .append(" if it is meant to outlive the scope");
    } else {
      text.append("; close the scope in a try-with-resources block");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private void appendSize(StringBuilder text) {
    if (estimatedBytes >= 0) {
      text.append(" (about ").append(DataSize.format(estimatedBytes)).append(")");
    }
  }

  private void appendSite(StringBuilder text) {
    if (creationSite == null) {
      text.append("the scope's creation site was not sampled; set the detector's")
          .append(" samplingInterval to 1 to record every one");
    } else {
      text.append("the scope was opened at ").append(creationSite);
    }
  }
}
