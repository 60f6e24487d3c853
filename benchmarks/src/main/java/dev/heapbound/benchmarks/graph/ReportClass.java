package dev.heapbound.benchmarks.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The fields of {@link ReportRecord} in a plain final class, which every estimator can read. */
public final class ReportClass {
  final String id;
  final String studyId;
  final Instant generatedAt;
  final byte[] payload;
  final List<String> tags;
  final Map<String, String> metadata;

  ReportClass(
      String id,
      String studyId,
      Instant generatedAt,
      byte[] payload,
      List<String> tags,
      Map<String, String> metadata) {
    this.id = id;
    this.studyId = studyId;
    this.generatedAt = generatedAt;
    this.payload = payload;
    this.tags = tags;
    this.metadata = metadata;
  }

  /** Returns the rendered report. */
  public byte[] payload() {
    return payload;
  }
}
