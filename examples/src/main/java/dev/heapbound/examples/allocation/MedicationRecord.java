package dev.heapbound.examples.allocation;

/**
 * One entry of a patient's medication history.
 *
 * @param medication the medication's name
 * @param milligrams the dose in milligrams
 * @param timesPerDay how often a day the dose is taken
 */
public record MedicationRecord(String medication, int milligrams, int timesPerDay) {}
