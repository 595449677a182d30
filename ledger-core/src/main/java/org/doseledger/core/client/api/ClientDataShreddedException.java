package org.doseledger.core.client.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A client whose data key was shredded has no readable personal data, and can be given none again. */
public class ClientDataShreddedException extends LedgerRuleViolation {

    public ClientDataShreddedException(String clientId) {
        super("The personal data key of client " + clientId + " was shredded; no personal data can be recorded"
                + " or shredded for this client again");
    }

    @Override
    public String code() {
        return "CLIENT_DATA_SHREDDED";
    }
}
