package org.doseledger.api.console;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console sign-in through the practice's or the regulator's identity provider (OpenID Connect, authorization
 * code with PKCE), beside local accounts ({@code ledger.console.oidc.*}). Off until the issuer and the client
 * id are set. The role and practice come from the ID token's claims named by
 * {@code ledger.security.jwt.role-claim} and {@code practice-claim}, as for the API's tokens.
 *
 * @param issuerUri the provider's issuer; its OpenID discovery document is read at the first sign-in
 * @param clientId the console's client at the provider
 * @param clientSecret its secret, for a confidential client; absent for a public one (PKCE alone)
 * @param name what the sign-in page calls the provider, e.g. "Clinic single sign-on"
 * @param scopes the scopes asked for
 */
@ConfigurationProperties("ledger.console.oidc")
public record ConsoleOidcProperties(
        URI issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue("your organisation's sign-in") String name,
        @DefaultValue({"openid", "profile"}) List<String> scopes) {

    public boolean enabled() {
        return issuerUri != null && clientId != null && !clientId.isBlank();
    }
}
