package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.Route;

/** No dose without an active consent covering its route and care model at the time it occurred. */
public class NoActiveConsentException extends LedgerRuleViolation {

    public NoActiveConsentException(String clientId, Route route, CareModel careModel, Instant at, String problem) {
        super("No dose for client " + clientId + (route == null ? "" : " by route " + route) + " (" + careModel
                + ") at " + at + ": " + problem);
    }

    @Override
    public String code() {
        return "NO_ACTIVE_CONSENT";
    }
}
