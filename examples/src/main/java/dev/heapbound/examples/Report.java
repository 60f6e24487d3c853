package dev.heapbound.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A generated ePRO report: an id and a rendered body of about 1 MB, made-up content only.
 *
 * <p>Instances are immutable: the body is never exposed as an array, so the weight a cache computed
 * when the report was written stays true for as long as the report is cached.
 */
public final class Report {

  /**
   * The size of a report body in bytes. It is 1,000,000 rather than 1 MiB so that one body fits in
   * a single G1 region of 1 MiB, which is the region size G1 picks for heaps under 2 GB. The heap
   * used after GC then tracks the bytes that reports hold, with no half-empty regions.
   */
  public static final int BODY_BYTES = 1_000_000;

  /** The line that fills every body after its header. */
  static final String BODY_LINE = "item: score 3 of 5; completed on the patient's device; reviewed";

  private static final byte[] FILLER = (BODY_LINE + "\n").getBytes(StandardCharsets.US_ASCII);

  private final String id;
  private final byte[] body;

  private Report(String id, byte[] body) {
    this.id = id;
    this.body = body;
  }

  /** Generates the report with this id, as a report service renders one on request. */
  public static Report generate(String id) {
    byte[] body = new byte[BODY_BYTES];
    byte[] header =
        ("ePRO report " + Integer.toHexString(id.hashCode()) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, body, 0, header.length);
    for (int offset = header.length; offset < body.length; offset += FILLER.length) {
      System.arraycopy(FILLER, 0, body, offset, Math.min(FILLER.length, body.length - offset));
    }
    return new Report(id, body);
  }

  /** Returns the id the report was generated for. */
  public String id() {
    return id;
  }

  /** Returns the length of the body in bytes. */
  public int length() {
    return body.length;
  }

  /** Writes the body to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(body);
  }
}
