package org.doseledger.core.practice.api;

/**
 * A practice's clinical policies, set by its administrator; state rules stricter than the federal
 * ones become settings here rather than code.
 *
 * @param requireMedicalClearance no dose without a medical clearance valid when the dose is given
 * @param doseIncreaseLimitPercent a session total more than this percentage above the previous
 *     session's needs a documented rationale
 * @param lateEntryWindowHours an entry recorded later than this after it occurred needs a reason and
 *     a co-signer
 * @param consentValidityDays a consent signed without its own expiry expires after this many days; 0
 *     means consents do not expire unless they say so
 */
public record PracticePolicies(
        boolean requireMedicalClearance,
        int doseIncreaseLimitPercent,
        int lateEntryWindowHours,
        int consentValidityDays) {

    public static final PracticePolicies DEFAULTS = new PracticePolicies(false, 25, 24, 0);

    /** Policies under which consents do not expire unless they say so. */
    public PracticePolicies(boolean requireMedicalClearance, int doseIncreaseLimitPercent, int lateEntryWindowHours) {
        this(requireMedicalClearance, doseIncreaseLimitPercent, lateEntryWindowHours, 0);
    }

    /** Policies with the default late-entry window. */
    public PracticePolicies(boolean requireMedicalClearance, int doseIncreaseLimitPercent) {
        this(requireMedicalClearance, doseIncreaseLimitPercent, 24);
    }
}
