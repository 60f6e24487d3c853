package dev.heapbound.benchmarks.graph;

/**
 * One patient's medication entry, a small object of primitives; histories are lists of these.
 *
 * @param patientId the patient
 * @param drugCode the drug, as a code
 * @param doseMilligrams the dose in milligrams
 */
public record MedicationRecord(long patientId, int drugCode, int doseMilligrams) {}
