package org.doseledger.core.practice.api;

/**
 * A practice's clinical policies, set by its administrator; state rules stricter than the federal
 * ones become settings here rather than code.
 *
 * @param requireMedicalClearance no dose without a medical clearance valid when the dose is given
 * @param doseIncreaseLimitPercent a session total more than this percentage above the previous
 *     session's needs a documented rationale
 */
public record PracticePolicies(boolean requireMedicalClearance, int doseIncreaseLimitPercent) {

    public static final PracticePolicies DEFAULTS = new PracticePolicies(false, 25);
}
