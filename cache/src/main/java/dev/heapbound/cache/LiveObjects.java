package dev.heapbound.cache;

import dev.heapbound.core.CallSite;
import java.util.List;
import java.util.Objects;

/**
 * The live-objects view of a heap report: where the sampled objects that are still alive after a GC
 * were allocated, and the chain of references that keeps them alive.
 *
 * @param available whether this JVM could provide the view
 * @param unavailableReason why it could not, or {@code null} when it could
 * @param samples how many live sampled objects the recording returned
 * @param sites the allocation sites, most samples first
 */
public record LiveObjects(
    boolean available, String unavailableReason, int samples, List<Site> sites) {

  public LiveObjects {
    sites = List.copyOf(sites);
  }

  /** Returns a view that gives, in one line, the reason this JVM cannot provide it. */
  static LiveObjects unavailable(String reason) {
    return new LiveObjects(false, Objects.requireNonNull(reason, "reason"), 0, List.of());
  }

  /**
   * Live sampled objects of one type, allocated at one place and kept alive by the same kind of
   * reference chain.
   *
   * @param type the objects' type, as in {@code byte[]}
   * @param allocationSite the innermost frame of the allocation's stack trace, or {@code null} when
   *     the recording has no stack trace for it
   * @param count how many sampled objects share the site and the chain
   * @param referenceChain the chain from the GC root to one of the objects, in words, such as
   *     {@code GC root: Class Loader Data}, {@code class com.example.ReportService}, {@code
   *     .REPORTS (java.util.HashMap)}, {@code .table (java.util.HashMap$Node[])}, {@code [12]
   *     (java.util.HashMap$Node)}, {@code .value (byte[])}; empty when no chain was found within
   *     the recorder's cutoff
   * @param staticOwner the static field nearest to the objects along the chain, as {@code
   *     Class.field}, or {@code null} when the chain passes through no static field
   */
  public record Site(
      String type,
      CallSite allocationSite,
      int count,
      List<String> referenceChain,
      String staticOwner) {

    public Site {
      Objects.requireNonNull(type, "type");
      referenceChain = List.copyOf(referenceChain);
    }
  }
}
