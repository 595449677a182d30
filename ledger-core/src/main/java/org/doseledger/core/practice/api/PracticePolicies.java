package org.doseledger.core.practice.api;

/**
 * A practice's clinical policies, set by its administrator; state rules stricter than the federal
 * ones become settings here rather than code.
 *
 * @param requireMedicalClearance no dose without a medical clearance valid when the dose is given
 * @param doseIncreaseLimitPercent a session total more than this percentage above the previous
 *     session's needs a documented rationale
 * @param lateEntryWindowHours an entry recorded later than this after it occurred needs a reason and
 *     a co-signer; at most {@link #MAX_LATE_ENTRY_WINDOW_HOURS}, a floor no policy lowers (a stored policy
 *     with more is read as that maximum)
 * @param requireWitnessedDraws every draw needs a witness other than the practitioner drawing (waste and
 *     destruction are always witnessed)
 * @param consentValidityDays a consent signed without its own expiry expires after this many days; 0
 *     means consents do not expire unless they say so
 * @param accessLogReviewDays a compliance officer reviews the access log (reads and exports of client
 *     data) at least this often: a period not reviewed within this many days is a compliance exception;
 *     0 means no review is required. Absent from policies set before it existed, where it takes the
 *     default.
 * @param requireTreatmentPlan no dose is drawn or administered in the office for a client without an
 *     active treatment plan; true when absent (policies set before it existed)
 * @param nursesMayDispenseTakeHome a nurse (not a prescriber) may dispense a take-home dose only where the
 *     practice's state allows it and the practice says so here; off by default and in policies set before
 *     it existed.
 */
public record PracticePolicies(
        boolean requireMedicalClearance,
        int doseIncreaseLimitPercent,
        int lateEntryWindowHours,
        int consentValidityDays,
        boolean requireWitnessedDraws,
        Integer accessLogReviewDays,
        Boolean requireTreatmentPlan,
        Boolean nursesMayDispenseTakeHome) {

    public static final int DEFAULT_ACCESS_LOG_REVIEW_DAYS = 30;

    /**
     * The late-entry window no practice may widen: an entry recorded more than a day after it occurred is
     * a late entry with a reason and a co-signer, whatever the policy. Paper history is brought in by an
     * import, not by widening the window.
     */
    public static final int MAX_LATE_ENTRY_WINDOW_HOURS = 24;

    public static final PracticePolicies DEFAULTS = new PracticePolicies(false, 25, 24, 0, false);

    public PracticePolicies {
        if (accessLogReviewDays == null) {
            accessLogReviewDays = DEFAULT_ACCESS_LOG_REVIEW_DAYS;
        }
        if (requireTreatmentPlan == null) {
            requireTreatmentPlan = Boolean.TRUE;
        }
        if (nursesMayDispenseTakeHome == null) {
            nursesMayDispenseTakeHome = false;
        }
    }

    /** Policies under which only prescribers dispense take-home doses. */
    public PracticePolicies(
            boolean requireMedicalClearance,
            int doseIncreaseLimitPercent,
            int lateEntryWindowHours,
            int consentValidityDays,
            boolean requireWitnessedDraws,
            Integer accessLogReviewDays,
            Boolean requireTreatmentPlan) {
        this(
                requireMedicalClearance,
                doseIncreaseLimitPercent,
                lateEntryWindowHours,
                consentValidityDays,
                requireWitnessedDraws,
                accessLogReviewDays,
                requireTreatmentPlan,
                false);
    }

    /** Policies that require a treatment plan for every dose. */
    public PracticePolicies(
            boolean requireMedicalClearance,
            int doseIncreaseLimitPercent,
            int lateEntryWindowHours,
            int consentValidityDays,
            boolean requireWitnessedDraws,
            Integer accessLogReviewDays) {
        this(
                requireMedicalClearance,
                doseIncreaseLimitPercent,
                lateEntryWindowHours,
                consentValidityDays,
                requireWitnessedDraws,
                accessLogReviewDays,
                Boolean.TRUE);
    }

    /** The late-entry window in force: the policy's, but never wider than the floor. */
    public int effectiveLateEntryWindowHours() {
        return Math.min(lateEntryWindowHours, MAX_LATE_ENTRY_WINDOW_HOURS);
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
