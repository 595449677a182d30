package org.doseledger.core.client.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A treatment plan whose terms contradict themselves, or an amendment of a plan that is not the active one. */
public class TreatmentPlanException extends LedgerRuleViolation {

    private final String code;

    public TreatmentPlanException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
