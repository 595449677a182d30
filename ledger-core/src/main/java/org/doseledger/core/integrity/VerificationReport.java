package org.doseledger.core.integrity;

/**
 * What a verification found, as two verdicts. <b>Integrity</b>: every event's content matches its hash
 * and its stream predecessor's hash. <b>Completeness</b>: every stream is gapless, every sealed position
 * holds exactly the event that was sealed, every checkpoint is signed by a trusted key, links to the one
 * before it and matches the events it covers, and the ledger is not shorter than its last checkpoint.
 * Each verdict names its first failure.
 *
 * @param unsealedEvents events after the last checkpoint, verified for integrity only
 */
public record VerificationReport(
        boolean integrityOk,
        boolean completenessOk,
        long eventsChecked,
        long checkpointsChecked,
        long lastSealedIndex,
        long unsealedEvents,
        Failure integrityFailure,
        Failure completenessFailure) {

    /**
     * The first thing that failed: its code, the ledger position or checkpoint it concerns, and what was
     * found.
     */
    public record Failure(String code, Long position, Long checkpoint, String detail) {}

    public boolean ok() {
        return integrityOk && completenessOk;
    }
}
