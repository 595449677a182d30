package org.doseledger.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token of the identity provider into the same {@link ApiCredential} an API key
 * gives, from the configured role and practice claims. A token whose claims do not name exactly one
 * role, or name practices that role cannot have, authenticates nobody (401): a misconfigured provider
 * must not quietly grant more or less than it meant.
 */
public class JwtCredentials implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Subjects short and plain enough to record as they are; any other is recorded by its hash. */
    private static final Pattern PLAIN_SUBJECT = Pattern.compile("[A-Za-z0-9._@|:+-]{1,56}");

    private final JwtProperties properties;

    JwtCredentials(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CredentialToken(jwt, credential(jwt.getClaims(), jwt.getSubject(), properties));
    }

    /**
     * The credential the identity provider's claims grant: the token's for the API, the ID token's for the
     * console, so a person is the same {@code jwt:<subject>} in both. Throws {@link InvalidBearerTokenException}
     * with the reason when the claims grant no one role or practices that role cannot have.
     */
    public static ApiCredential credential(Map<String, Object> claims, String subject, JwtProperties properties) {
        Role role = role(claims, properties);
        Set<PracticeId> practices = practices(claims, properties);
        boolean fits = switch (role) {
            case PRACTICE_WRITER, COMPLIANCE_OFFICER -> practices.size() == 1;
            case REGULATOR -> true;
            case ADMIN -> practices.isEmpty();
        };
        if (!fits) {
            throw invalid("claim '" + properties.practiceClaim() + "' must name one practice for " + role
                    + ", any number for REGULATOR and none for ADMIN");
        }
        return ApiCredential.of(credentialId(subject), role, practices);
    }

    private static Role role(Map<String, Object> claims, JwtProperties properties) {
        List<Role> roles = values(claims, properties.roleClaim()).stream()
                .filter(value -> Arrays.stream(Role.values())
                        .anyMatch(role -> role.name().equals(value)))
                .map(Role::valueOf)
                .distinct()
                .toList();
        if (roles.size() != 1) {
            throw invalid("claim '" + properties.roleClaim() + "' must name exactly one role of "
                    + Arrays.toString(Role.values()));
        }
        return roles.get(0);
    }

    private static Set<PracticeId> practices(Map<String, Object> claims, JwtProperties properties) {
        Set<PracticeId> practices = new LinkedHashSet<>();
        for (String value : values(claims, properties.practiceClaim())) {
            if (!PracticeId.isValid(value)) {
                throw invalid("claim '" + properties.practiceClaim() + "' holds an invalid practice id");
            }
            practices.add(PracticeId.of(value));
        }
        return practices;
    }

    private static List<String> values(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw invalid("claim '" + claim + "' must be a string or a list of strings");
    }

    static String credentialId(Jwt jwt) {
        return credentialId(jwt.getSubject());
    }

    static String credentialId(String subject) {
        if (subject == null || subject.isBlank()) {
            throw invalid("the token has no subject");
        }
        if (PLAIN_SUBJECT.matcher(subject).matches()) {
            return "jwt:" + subject;
        }
        return "jwt-sha256:" + ApiKeySecrets.sha256(subject).substring(0, 48);
    }

    private static InvalidBearerTokenException invalid(String reason) {
        return new InvalidBearerTokenException("The bearer token is not usable: " + reason);
    }

    /** A verified token whose principal is the credential it grants. */
    static final class CredentialToken extends JwtAuthenticationToken {

        private final ApiCredential credential;

        CredentialToken(Jwt jwt, ApiCredential credential) {
            super(
                    jwt,
                    List.of(new SimpleGrantedAuthority(
                            "ROLE_" + credential.role().name())),
                    credential.id());
            this.credential = credential;
        }

        @Override
        public Object getPrincipal() {
            return credential;
        }
    }
}
