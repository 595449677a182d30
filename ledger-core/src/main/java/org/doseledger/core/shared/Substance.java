package org.doseledger.core.shared;

/** The controlled substances the ledger tracks; both are DEA schedule III non-narcotic (3N). */
public enum Substance {
    KETAMINE,
    ESKETAMINE
}
