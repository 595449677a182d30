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
 * @param requireWitnessedDraws every draw needs a witness other than the practitioner drawing (waste and
 *     destruction are always witnessed)
 * @param consentValidityDays a consent signed without its own expiry expires after this many days; 0
 *     means consents do not expire unless they say so
 * @param accessLogReviewDays a compliance officer reviews the access log (reads and exports of client
 *     data) at least this often: a period not reviewed within this many days is a compliance exception;
 *     0 means no review is required. Absent from policies set before it existed, where it takes the
 *     default.
 */
public record PracticePolicies(
        boolean requireMedicalClearance,
        int doseIncreaseLimitPercent,
        int lateEntryWindowHours,
        int consentValidityDays,
        boolean requireWitnessedDraws,
        Integer accessLogReviewDays) {

    public static final int DEFAULT_ACCESS_LOG_REVIEW_DAYS = 30;

    public static final PracticePolicies DEFAULTS = new PracticePolicies(false, 25, 24, 0, false);

    public PracticePolicies {
        if (accessLogReviewDays == null) {
            accessLogReviewDays = DEFAULT_ACCESS_LOG_REVIEW_DAYS;
        }
    }

    /** Policies with the default access-log review interval. */
    public PracticePolicies(
            boolean requireMedicalClearance,
            int doseIncreaseLimitPercent,
            int lateEntryWindowHours,
            int consentValidityDays,
            boolean requireWitnessedDraws) {
        this(
                requireMedicalClearance,
                doseIncreaseLimitPercent,
                lateEntryWindowHours,
                consentValidityDays,
                requireWitnessedDraws,
                DEFAULT_ACCESS_LOG_REVIEW_DAYS);
    }

    /** Policies without a witness for draws. */
    public PracticePolicies(
            boolean requireMedicalClearance,
            int doseIncreaseLimitPercent,
            int lateEntryWindowHours,
            int consentValidityDays) {
        this(requireMedicalClearance, doseIncreaseLimitPercent, lateEntryWindowHours, consentValidityDays, false);
    }

    /** Policies under which consents do not expire unless they say so. */
    public PracticePolicies(boolean requireMedicalClearance, int doseIncreaseLimitPercent, int lateEntryWindowHours) {
        this(requireMedicalClearance, doseIncreaseLimitPercent, lateEntryWindowHours, 0);
    }

    /** Policies with the default late-entry window. */
    public PracticePolicies(boolean requireMedicalClearance, int doseIncreaseLimitPercent) {
        this(requireMedicalClearance, doseIncreaseLimitPercent, 24);
    }
}
