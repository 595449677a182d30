package org.doseledger.core.export.api;

/**
 * Where a PDMP file stands with the state after it was generated (ExportGenerated): handed to the state
 * (SUBMITTED), then taken (ACCEPTED, final) or turned back (REJECTED, and may be submitted again).
 */
public enum PdmpSubmissionStatus {
    SUBMITTED,
    ACCEPTED,
    REJECTED
}
