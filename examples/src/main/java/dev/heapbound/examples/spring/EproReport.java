package dev.heapbound.examples.spring;

import java.time.Instant;

/**
 * A generated ePRO report. Records are immutable, which matters for a byte-bounded cache: an
 * entry's weight is measured once, when it is written.
 *
 * @param reportId the report's id
 * @param studyId the study the report belongs to
 * @param generatedAt when the report was generated
 * @param document the rendered report, about 1 MB of text
 */
public record EproReport(String reportId, String studyId, Instant generatedAt, String document) {}
