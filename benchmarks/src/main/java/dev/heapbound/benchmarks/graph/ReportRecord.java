package dev.heapbound.benchmarks.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A generated ePRO report as a record: a large payload with a few tags and metadata entries.
 *
 * @param id the report id
 * @param studyId the id of the study the report belongs to
 * @param generatedAt when the report was generated
 * @param payload the rendered report
 * @param tags labels for search
 * @param metadata name-value pairs about the report
 */
public record ReportRecord(
    String id,
    String studyId,
    Instant generatedAt,
    byte[] payload,
    List<String> tags,
    Map<String, String> metadata) {}
