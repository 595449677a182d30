package org.doseledger.api.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.projections.apikey.ApiKeyView;
import org.doseledger.projections.apikey.FindApiKeyQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's own filter chain, before the API's: a signed-in session (cookie HttpOnly, Secure,
 * SameSite=Strict; idle timeout {@code server.servlet.session.timeout}), CSRF tokens on every form, a
 * content security policy that admits the console's own scripts and styles only. Each request re-reads the
 * account's credential, so a revoked or expired key, or a changed grant, takes effect at the next click.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            ConsoleAccounts accounts,
            PasswordEncoder passwords,
            QueryGateway queries,
            ConsoleProperties properties,
            ConsoleOidcProperties oidc,
            org.doseledger.api.security.JwtProperties claims,
            Clock clock)
            throws Exception {
        http.securityMatcher("/", "/login", "/logout", "/console", "/console/**", "/oauth2/**", "/login/oauth2/**")
                .authenticationProvider(new ConsoleSignIn(accounts, passwords, queries, properties, clock))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/console/assets/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(ConsoleSignIn.Details::new)
                        .defaultSuccessUrl("/console", true)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies(SESSION_COOKIE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .addFilterBefore(new CurrentCredentialFilter(queries, clock), AuthorizationFilter.class);
        if (oidc.enabled()) {
            ClientRegistrationRepository registrations = ConsoleOidc.registrations(oidc);
            DefaultOAuth2AuthorizationRequestResolver requests =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            // PKCE for every client, confidential ones too
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                    .userInfoEndpoint(users -> users.oidcUserService(ConsoleOidc.people(claims)))
                    .defaultSuccessUrl("/console", true)
                    .failureHandler((request, response, failure) ->
                            response.sendRedirect(request.getContextPath() + "/login?providerError"))
                    // a provider that cannot be reached (no registration) is a message, not a 500
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler((request, response, failure) ->
                                    response.sendRedirect(request.getContextPath() + "/login?providerUnreachable"));
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    static final String SESSION_COOKIE = "DOSE_LEDGER_SESSION";

    /**
     * Replaces the session's credential with the key registry's current one for this request; ends the
     * session when the key is revoked or expired.
     */
    static final class CurrentCredentialFilter extends OncePerRequestFilter {

        private final QueryGateway queries;
        private final Clock clock;

        CurrentCredentialFilter(QueryGateway queries, Clock clock) {
            this.queries = queries;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof ConsoleOidc.Person person) {
                // the provider answers for who they are until the session ends
                ApiCredential credential = person.credential();
                UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(
                        credential,
                        null,
                        List.of(new SimpleGrantedAuthority(
                                "ROLE_" + credential.role().name())));
                current.setDetails(person.displayName());
                SecurityContextHolder.setContext(new SecurityContextImpl(current));
            } else if (signedIn != null && signedIn.getPrincipal() instanceof ApiCredential credential) {
                Optional<ApiKeyView> key = queries.query(
                                new FindApiKeyQuery(credential.id()),
                                ResponseTypes.optionalInstanceOf(ApiKeyView.class))
                        .join()
                        .filter(view -> view.isUsableAt(clock.instant()));
                if (key.isEmpty()) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                    return;
                }
                ApiCredential current = ApiCredential.of(key.get());
                SecurityContextHolder.setContext(
                        new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                                current,
                                null,
                                List.of(new SimpleGrantedAuthority(
                                        "ROLE_" + current.role().name())))));
            }
            chain.doFilter(request, response);
        }
    }
}
