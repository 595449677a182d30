package org.doseledger.projections.compliance;

/**
 * Counts over every unresolved exception of a practice, however many there are: {@code unresolved} (OPEN or
 * ACKNOWLEDGED), {@code unacknowledged} (OPEN) and {@code overdue} (due before the day asked about).
 */
public record ComplianceExceptionCounts(long unresolved, long unacknowledged, long overdue) {}
