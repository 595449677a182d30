package org.doseledger.core.apikey.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;

/**
 * Practices are granted one by one, and only to REGULATOR keys: every other role acts for the one
 * practice it was issued for (or, as ADMIN, for none).
 */
public class PracticeGrantException extends LedgerRuleViolation {

    private final String code;

    private PracticeGrantException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static PracticeGrantException notARegulator(String keyId, Role role) {
        return new PracticeGrantException(
                "PRACTICE_GRANT_NOT_REGULATOR",
                "API key " + keyId + " is a " + role + " key; only REGULATOR keys are granted practices");
    }

    public static PracticeGrantException alreadyGranted(String keyId, PracticeId practice) {
        return new PracticeGrantException(
                "PRACTICE_ALREADY_GRANTED", "API key " + keyId + " already has access to practice " + practice);
    }

    public static PracticeGrantException notGranted(String keyId, PracticeId practice) {
        return new PracticeGrantException(
                "PRACTICE_NOT_GRANTED", "API key " + keyId + " has no access to practice " + practice);
    }

    @Override
    public String code() {
        return code;
    }
}
