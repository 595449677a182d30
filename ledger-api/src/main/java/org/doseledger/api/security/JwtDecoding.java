package org.doseledger.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/** The decoder of identity-provider tokens that {@link JwtProperties} describe. */
final class JwtDecoding {

    /** The default validators check {@code exp} only when a token has one; a token without it would never expire. */
    private static final OAuth2TokenValidator<Jwt> REQUIRES_EXPIRY = jwt -> jwt.getExpiresAt() != null
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no expiry ('exp' claim)", null));

    private JwtDecoding() {}

    static JwtDecoder decoder(JwtProperties properties) {
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        // the JOSE type is checked by TokenType among the validators, not by Nimbus (which admits only JWT or none)
        if (properties.jwkSetUri() != null) {
            return validating(
                    NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                            .validateType(false)
                            .build(),
                    validator);
        }
        if (properties.publicKeyLocation() != null) {
            return validating(
                    NimbusJwtDecoder.withPublicKey(publicKey(properties))
                            .validateType(false)
                            .build(),
                    validator);
        }
        // discovery at the first token, so the service starts while the provider is unreachable
        return new SupplierJwtDecoder(() -> validating(
                NimbusJwtDecoder.withIssuerLocation(properties.issuerUri().toString())
                        .validateType(false)
                        .build(),
                validator));
    }

    private static NimbusJwtDecoder validating(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new TokenType());
        validators.add(REQUIRES_EXPIRY);
        validators.add(
                properties.issuerUri() == null
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(
                                properties.issuerUri().toString()));
        if (!properties.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD,
                    audience -> audience != null && !Collections.disjoint(audience, properties.audiences())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /**
     * The JOSE header's {@code typ}: absent, {@code JWT}, or {@code at+jwt} for an RFC 9068 access token, in any
     * case and with or without the {@code application/} prefix (RFC 7515 4.1.9: media types, compared without
     * regard to case). Any other type (a logout token, a security event, a DPoP proof...) is refused.
     */
    private static final class TokenType implements OAuth2TokenValidator<Jwt> {

        private static final Set<String> ACCEPTED = Set.of("jwt", "at+jwt");

        @Override
        public OAuth2TokenValidatorResult validate(Jwt jwt) {
            Object type = jwt.getHeaders().get(JoseHeaderNames.TYP);
            if (type == null || (type instanceof String text && ACCEPTED.contains(mediaType(text)))) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token's type (JOSE header 'typ') must be absent, JWT or at+jwt",
                    null));
        }

        private static String mediaType(String type) {
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
        }
    }

    private static RSAPublicKey publicKey(JwtProperties properties) {
        try (InputStream pem = properties.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read ledger.security.jwt.public-key-location " + properties.publicKeyLocation(), e);
        }
    }
}
