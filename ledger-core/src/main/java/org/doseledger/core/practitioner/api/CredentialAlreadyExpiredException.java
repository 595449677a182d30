package org.doseledger.core.practitioner.api;

import java.time.LocalDate;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A credential recorded as already expired would authorize nothing; it is refused as a likely typo. */
public class CredentialAlreadyExpiredException extends LedgerRuleViolation {

    public CredentialAlreadyExpiredException(String practitionerId, String credential, LocalDate expiresOn) {
        super("The " + credential + " of practitioner " + practitionerId + " expired on " + expiresOn
                + ", before it was recorded");
    }

    @Override
    public String code() {
        return "CREDENTIAL_ALREADY_EXPIRED";
    }
}
