package org.doseledger.core.practice.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;

/**
 * A DEA registration is issued to one registrant (21 CFR 1301.12): a second practice cannot register
 * under a number another practice already holds.
 */
public class DeaNumberAlreadyRegisteredException extends LedgerRuleViolation {

    public DeaNumberAlreadyRegisteredException(String deaNumber, PracticeId holder) {
        super("DEA registration " + deaNumber + " is already held by practice " + holder.value());
    }

    @Override
    public String code() {
        return "DEA_NUMBER_ALREADY_REGISTERED";
    }
}
