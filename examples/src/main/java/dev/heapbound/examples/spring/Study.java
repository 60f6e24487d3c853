package dev.heapbound.examples.spring;

/**
 * A study's basic information: small and read often.
 *
 * @param studyId the study's id
 * @param title the study's title
 * @param phase the clinical phase, such as {@code II}
 */
public record Study(String studyId, String title, String phase) {}
