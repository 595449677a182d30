package org.doseledger.core.session.api;

import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * Esketamine (Spravato) REMS: the client is monitored for at least 2 hours, with blood pressure taken
 * before dosing, at about 40 minutes and at the end, before discharge.
 */
public class SpravatoMonitoringException extends LedgerRuleViolation {

    public SpravatoMonitoringException(String sessionId, String problem) {
        super("Session " + sessionId + " cannot discharge the client yet: " + problem);
    }

    @Override
    public String code() {
        return "SPRAVATO_MONITORING_INCOMPLETE";
    }
}
