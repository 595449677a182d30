package org.doseledger.core.access.api;

/** How client data left the ledger. */
public enum AccessKind {
    /** Shown to a caller: a page or a view of one record. */
    READ,
    /** Handed over in bulk, as a file (CSV, a verifiable bundle). */
    EXPORT
}
