package org.doseledger.core.access.api;

/**
 * Why client data was read, as the caller declares it ({@code X-Purpose-Of-Use}); recorded with the
 * access so that a review of the access log can tell care from oversight. Optional: a read that gives
 * none is recorded without one.
 */
public enum PurposeOfUse {
    /** Caring for the client. */
    TREATMENT,
    /** Running the practice: scheduling, stock, billing. */
    OPERATIONS,
    /** The practice's own compliance review or an auditor's. */
    AUDIT,
    /** A regulator's inspection or investigation. */
    INSPECTION
}
