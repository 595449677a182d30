package org.doseledger.core.apikey.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;

/**
 * PRACTICE_WRITER and COMPLIANCE_OFFICER keys act for exactly one practice; ADMIN keys act for none; a
 * REGULATOR key may start with one practice and is granted others later.
 */
public class ApiKeyScopeException extends LedgerRuleViolation {

    public ApiKeyScopeException(Role role, PracticeId practiceId) {
        super(
                practiceId == null
                        ? "A " + role + " key must name the practice it acts for"
                        : "An ADMIN key acts for no single practice, but practice " + practiceId + " was given");
    }

    @Override
    public String code() {
        return "API_KEY_SCOPE_INVALID";
    }
}
