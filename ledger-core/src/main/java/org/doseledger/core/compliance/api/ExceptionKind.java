package org.doseledger.core.compliance.api;

/** The kinds of compliance exception the ledger raises for a compliance officer to review. */
public enum ExceptionKind {
    /** A draw still open (not fully administered or wasted) past the open-draw limit. */
    DRAW_OVERDUE,
    /** An entry recorded after the practice's late-entry window, with its reason and co-signer. */
    LATE_ENTRY,
    /**
     * Paper history was imported: one exception for the whole import (not one LATE_ENTRY per entry), so
     * that a compliance officer reviews the imported entries against the source document it names.
     */
    HISTORY_IMPORTED,
    /** A dose drawn with no witness. */
    UNWITNESSED_DRAW,
    /**
     * A lot received after its expiry date (21 CFR 1304.22(c) records it as received): it must not be
     * used, and is returned or destroyed.
     */
    EXPIRED_ON_RECEIPT,
    /** A count that differed from the balance, not yet explained and approved. */
    DISCREPANCY_OPEN,
    /** A theft or loss whose DEA Form 106 is due. */
    FORM_106_DUE,
    /** A Spravato session whose REMS monitoring form has not been submitted. */
    REMS_FORM_DUE,
    /** A practitioner's licence, DEA registration or ACLS certificate expiring within 30 days, or expired. */
    CREDENTIAL_EXPIRING,
    /** A client's consent expiring within 30 days, or expired without a successor. */
    CONSENT_EXPIRING,
    /** The practice's biennial inventory (21 CFR 1304.11) due within 30 days, overdue, or never taken. */
    BIENNIAL_INVENTORY_DUE,
    /**
     * A period of the access log (reads and exports of client data) that no compliance officer reviewed
     * within the practice's {@code accessLogReviewDays}.
     */
    ACCESS_LOG_REVIEW_OVERDUE,
    /**
     * A read model (the audit trail, timelines, inventory...) was found to differ from the event log, so
     * what it shows may leave out or misplace events; cleared when a replay has made it consistent again.
     * About the whole ledger, so in every practice's queue.
     */
    READ_MODEL_DIVERGED,
    /**
     * Sealing stopped: the sealer refused to sign a tree that does not extend what it signed before, or
     * nothing was sealed for longer than {@code ledger.integrity.max-unsealed-age}. Recent events are not
     * covered by a signed checkpoint until it resumes. About the whole ledger, so in every practice's queue.
     */
    SEALING_HALTED
}
