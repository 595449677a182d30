package org.doseledger.core.location.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A DEA registration covers one place of business (21 CFR 1301.12): a storage location at an address
 * other than the practice's registered one holds its stock under a registration of its own, and a
 * location at the registered address holds it under the practice's.
 */
public class LocationNeedsOwnRegistrationException extends LedgerRuleViolation {

    public LocationNeedsOwnRegistrationException(String problem) {
        super(problem);
    }

    @Override
    public String code() {
        return "LOCATION_REGISTRATION_MISMATCH";
    }
}
