package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * No dose is drawn or administered in the office for a client without an active treatment plan, unless
 * the practice's policy ({@code requireTreatmentPlan: false}) says otherwise.
 */
public class NoTreatmentPlanException extends LedgerRuleViolation {

    public NoTreatmentPlanException(String clientId, Instant at) {
        super("Client " + clientId + " has no active treatment plan at " + at
                + "; a prescriber approves one before any dose (or the practice's policy waives it)");
    }

    @Override
    public String code() {
        return "NO_TREATMENT_PLAN";
    }
}
