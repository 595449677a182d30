package org.doseledger.api.security;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Bearer tokens of an identity provider ({@code ledger.security.jwt.*}), accepted beside API keys. Off
 * until one source of signing keys is set: {@code jwkSetUri}, {@code publicKeyLocation} (an RSA public key
 * in PEM), or {@code issuerUri} alone (its OpenID discovery document names the key set; fetched on the
 * first token, not at start-up).
 *
 * @param issuerUri the {@code iss} every token must carry; checked whenever set
 * @param audiences when set, a token's {@code aud} must name one of them
 * @param roleClaim the claim naming the token's role: one of PRACTICE_WRITER, COMPLIANCE_OFFICER,
 *     REGULATOR, ADMIN, as a string or in a list of strings (other values in the list are ignored)
 * @param practiceClaim the claim naming the practice: one id for PRACTICE_WRITER and COMPLIANCE_OFFICER, a
 *     list of the granted practices for REGULATOR, absent for ADMIN
 */
@ConfigurationProperties("ledger.security.jwt")
public record JwtProperties(
        URI issuerUri,
        URI jwkSetUri,
        Resource publicKeyLocation,
        List<String> audiences,
        @DefaultValue("dose_ledger_role") String roleClaim,
        @DefaultValue("dose_ledger_practice") String practiceClaim) {

    public JwtProperties {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    public boolean enabled() {
        return issuerUri != null || jwkSetUri != null || publicKeyLocation != null;
    }
}
