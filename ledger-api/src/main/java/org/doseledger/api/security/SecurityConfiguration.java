package org.doseledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.doseledger.api.error.ProblemResponses;
import org.doseledger.api.web.RequestIdFilter;
import org.doseledger.api.write.WriteContextResolver;
import org.doseledger.projections.apikey.ApiKeyRegistryProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every {@code /api/**} call needs a credential: an API key, or a bearer token of the identity
 * provider when {@code ledger.security.jwt} configures one. An address that presents too many credentials without
 * success is refused for a while ({@link FailedCredentialsFilter}). Roles and practice scope are enforced per
 * endpoint by {@link AccessInterceptor} from its {@link AllowedRoles}. Health, metrics and the OpenAPI
 * document are open. Responses carry strict security headers; other origins are refused unless
 * {@code ledger.security.cors.allowed-origins} lists them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * A request the firewall refuses (bytes outside printable ASCII in a header, an encoded slash or
     * backslash in the path, ...) is the client's mistake: a 400 problem document, not a 500.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper mapper) {
        return (request, response, rejected) -> ProblemResponses.write(
                request,
                response,
                mapper,
                HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST",
                "Bad Request",
                "The request was refused before it reached the ledger: its URL or headers hold characters that are"
                        + " not accepted (headers are printable ASCII). Nothing was written.");
    }

    /** Nothing the API answers is a page to render, frame or run scripts in. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Swagger UI is a page: it may load its own scripts, styles, images and fonts and call this service,
     * nothing from anywhere else. Its components set inline style attributes, hence 'unsafe-inline' for
     * styles only; no inline or foreign script runs.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";

    private static final org.springframework.security.web.util.matcher.RequestMatcher SWAGGER_UI =
            request -> request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");

    /** The strict policy everywhere, Swagger UI's own policy on its pages: one policy per answer. */
    private static org.springframework.security.web.header.HeaderWriter contentSecurityPolicy() {
        var strict = new org.springframework.security.web.header.writers.StaticHeadersWriter(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        var swagger = new org.springframework.security.web.header.writers.StaticHeadersWriter(
                "Content-Security-Policy", SWAGGER_UI_CONTENT_SECURITY_POLICY);
        return (request, response) -> (SWAGGER_UI.matches(request) ? swagger : strict).writeHeaders(request, response);
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiKeyRegistryProjection keys,
            Clock clock,
            ObjectMapper mapper,
            JwtProperties jwt,
            CorsProperties cors,
            RateLimitProperties rateLimits)
            throws Exception {
        AuthenticationEntryPoint unauthenticated =
                (request, response, failure) -> writeUnauthenticated(request, response, failure, mapper);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(configurer -> configurer.configurationSource(corsSource(cors)))
                .headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(keys, clock, jwt.enabled(), mapper),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(
                                request,
                                response,
                                mapper,
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "Forbidden",
                                "This credential's role may not do this")));
        if (rateLimits.failedCredentialsPerMinute() > 0) {
            // before any credential is looked at, whichever kind it is
            http.addFilterBefore(
                    new FailedCredentialsFilter(
                            new FailedCredentialLimiter(rateLimits.failedCredentialsPerMinute()), mapper),
                    BearerTokenAuthenticationFilter.class);
        }
        if (jwt.enabled()) {
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(request -> {
                        String token = bearer.resolve(request);
                        return token == null || ApiKeySecrets.looksLikeApiKey(token) ? null : token;
                    })
                    .jwt(token ->
                            token.decoder(JwtDecoding.decoder(jwt)).jwtAuthenticationConverter(new JwtCredentials(jwt)))
                    .authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    private static void writeUnauthenticated(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure,
            ObjectMapper mapper)
            throws IOException {
        Object reason = request.getAttribute(ApiKeyAuthenticationFilter.FAILURE_ATTRIBUTE);
        if (failure instanceof OAuth2AuthenticationException token
                && token.getError().getDescription() != null) {
            reason = token.getError().getDescription();
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.write(
                request,
                response,
                mapper,
                HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Authentication required",
                reason != null
                        ? reason.toString()
                        : "Send an API key or a token as 'Authorization: Bearer <credential>'");
    }

    static CorsConfigurationSource corsSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            configuration.setAllowedHeaders(List.of(
                    HttpHeaders.AUTHORIZATION,
                    HttpHeaders.CONTENT_TYPE,
                    WriteContextResolver.IDEMPOTENCY_KEY,
                    WriteContextResolver.PRACTITIONER,
                    RequestIdFilter.HEADER));
            configuration.setExposedHeaders(
                    List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, RequestIdFilter.HEADER));
            configuration.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}
