package org.doseledger.core.client.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/** A consent id names one signature; recording it again would duplicate the record. */
public class ConsentAlreadyRecordedException extends LedgerRuleViolation {

    public ConsentAlreadyRecordedException(String clientId, String consentId) {
        super("Client " + clientId + " already has a consent with id " + consentId);
    }

    @Override
    public String code() {
        return "CONSENT_ALREADY_RECORDED";
    }
}
