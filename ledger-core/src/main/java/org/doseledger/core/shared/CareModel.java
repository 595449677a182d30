package org.doseledger.core.shared;

/** How a dose reaches the client; decides which records and reports apply. */
public enum CareModel {
    /** Given in the office from practice stock. */
    ADMINISTERED,
    /** Take-home dose from practice stock; reported to the PDMP. */
    DISPENSED,
    /** Prescription filled by a pharmacy; the pharmacy keeps the DEA record. */
    PRESCRIBED
}
