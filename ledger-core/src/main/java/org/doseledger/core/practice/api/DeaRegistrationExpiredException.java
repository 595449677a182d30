package org.doseledger.core.practice.api;

import java.time.LocalDate;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A practice cannot be registered with a DEA registration that had expired when it registered. */
public class DeaRegistrationExpiredException extends LedgerRuleViolation {

    public DeaRegistrationExpiredException(String deaNumber, LocalDate expiredOn, LocalDate registeredOn) {
        super("DEA registration " + deaNumber + " expired on " + expiredOn + ", before the practice registered on "
                + registeredOn);
    }

    @Override
    public String code() {
        return "DEA_REGISTRATION_EXPIRED";
    }
}
