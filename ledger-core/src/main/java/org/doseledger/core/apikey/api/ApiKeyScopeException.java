package org.doseledger.core.apikey.api;

import org.doseledger.core.shared.LedgerRuleViolation;
import org.doseledger.core.shared.PracticeId;

/** Every role but ADMIN acts for exactly one practice; ADMIN acts for none. */
public class ApiKeyScopeException extends LedgerRuleViolation {

    public ApiKeyScopeException(Role role, PracticeId practiceId) {
        super(
                role.isPracticeScoped()
                        ? "A " + role + " key must name the practice it acts for"
                        : "An ADMIN key acts for no single practice, but practice " + practiceId + " was given");
    }

    @Override
    public String code() {
        return "API_KEY_SCOPE_INVALID";
    }
}
