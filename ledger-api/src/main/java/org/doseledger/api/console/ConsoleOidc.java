package org.doseledger.api.console;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.security.JwtCredentials;
import org.doseledger.api.security.JwtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signing people in through an identity provider: the provider's registration, read from its discovery
 * document at the first sign-in (the service starts while the provider is down), and the person the ID token
 * names, mapped to the same credential as the provider's access tokens get from the API.
 */
final class ConsoleOidc {

    static final String REGISTRATION = "idp";
    private static final Logger log = LoggerFactory.getLogger(ConsoleOidc.class);

    private ConsoleOidc() {}

    /** A person signed in through the provider, with the credential their claims grant. */
    static final class Person extends DefaultOidcUser {

        private final ApiCredential credential;

        Person(OidcUser user, ApiCredential credential) {
            super(
                    List.of(new SimpleGrantedAuthority(
                            "ROLE_" + credential.role().name())),
                    user.getIdToken(),
                    user.getUserInfo());
            this.credential = credential;
        }

        ApiCredential credential() {
            return credential;
        }

        /** The printed name to record for them: the token's name, else their credential id. */
        String displayName() {
            String name = getFullName();
            return name == null || name.isBlank() ? credential.id() : name;
        }
    }

    static ClientRegistrationRepository registrations(ConsoleOidcProperties oidc) {
        AtomicReference<ClientRegistration> found = new AtomicReference<>();
        return registrationId -> {
            if (!REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration registration = found.get();
            if (registration == null) {
                try {
                    boolean confidential =
                            oidc.clientSecret() != null && !oidc.clientSecret().isBlank();
                    registration = ClientRegistrations.fromIssuerLocation(
                                    oidc.issuerUri().toString())
                            .registrationId(REGISTRATION)
                            .clientId(oidc.clientId())
                            .clientSecret(confidential ? oidc.clientSecret() : null)
                            .clientAuthenticationMethod(
                                    confidential
                                            ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                                            : ClientAuthenticationMethod.NONE)
                            .scope(oidc.scopes())
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .clientName(oidc.name())
                            .build();
                    found.set(registration);
                } catch (RuntimeException e) {
                    log.warn("the identity provider {} cannot be reached: {}", oidc.issuerUri(), e.toString());
                    return null;
                }
            }
            return registration;
        };
    }

    /** The person of a verified ID token; a token that grants no usable role signs nobody in. */
    static OAuth2UserService<OidcUserRequest, OidcUser> people(JwtProperties claims) {
        OidcUserService users = new OidcUserService();
        return request -> {
            OidcUser user = users.loadUser(request);
            try {
                return new Person(user, JwtCredentials.credential(user.getClaims(), user.getSubject(), claims));
            } catch (RuntimeException unusable) {
                log.info("console sign-in through the identity provider refused: {}", unusable.getMessage());
                throw new OAuth2AuthenticationException(
                        new OAuth2Error("invalid_claims", unusable.getMessage(), null), unusable);
            }
        };
    }
}
