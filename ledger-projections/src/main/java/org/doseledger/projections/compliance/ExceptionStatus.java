package org.doseledger.projections.compliance;

/**
 * Where an exception stands: {@code OPEN} (nobody has looked at it), {@code ACKNOWLEDGED} (an officer
 * is on it), {@code CLEARED} (the ledger itself settled the condition: the draw was accounted for, the
 * discrepancy resolved, the REMS form submitted) or {@code RESOLVED} (an officer closed it with a note).
 */
public enum ExceptionStatus {
    OPEN,
    ACKNOWLEDGED,
    CLEARED,
    RESOLVED
}
