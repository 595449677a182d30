package org.doseledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.doseledger.api.error.DatabaseUnavailable;
import org.doseledger.api.error.ProblemResponses;
import org.doseledger.projections.apikey.ApiKeyRegistryProjection;
import org.doseledger.projections.apikey.ApiKeyView;
import org.doseledger.projections.apikey.FindApiKeyQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer dlk.<id>.<secret>}. Other bearer tokens are left to the
 * identity provider's token check when one is configured, and are invalid keys otherwise. A missing or
 * unusable key leaves the
 * request anonymous; the entry point then answers 401 with the reason recorded here.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".failure";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeyRegistryProjection keys;
    private final Clock clock;
    private final boolean otherTokensAccepted;
    private final ObjectMapper mapper;

    /**
     * @param keys the key registry, asked directly rather than through the query bus: one indexed read per request,
     *     without the bus's unit of work, transaction and monitors around it
     */
    ApiKeyAuthenticationFilter(
            ApiKeyRegistryProjection keys, Clock clock, boolean otherTokensAccepted, ObjectMapper mapper) {
        this.keys = keys;
        this.clock = clock;
        this.otherTokensAccepted = otherTokensAccepted;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !(otherTokensAccepted && isOtherBearerToken(header))) {
            Optional<ApiCredential> authenticated;
            try {
                authenticated = authenticate(header);
            } catch (RuntimeException e) {
                DatabaseUnavailable.Kind database = DatabaseUnavailable.classify(e);
                if (database == DatabaseUnavailable.Kind.NONE) {
                    throw e;
                }
                // the key could not be looked up: a 503 like any request the database cannot serve, logged
                // in one line instead of a stack trace from the servlet container per request
                log.warn("The API key could not be looked up ({}): {}", database, e.toString());
                ProblemResponses.writeDatabaseUnavailable(request, response, mapper, database);
                return;
            }
            authenticated.ifPresentOrElse(
                    credential -> SecurityContextHolder.getContext()
                            .setAuthentication(new UsernamePasswordAuthenticationToken(
                                    credential,
                                    null,
                                    List.of(new SimpleGrantedAuthority(
                                            "ROLE_" + credential.role().name())))),
                    () -> {});
            if (SecurityContextHolder.getContext().getAuthentication() == null
                    && request.getAttribute(FAILURE_ATTRIBUTE) == null) {
                request.setAttribute(FAILURE_ATTRIBUTE, "The API key is not valid");
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean isOtherBearerToken(String header) {
        return header.regionMatches(true, 0, "Bearer ", 0, 7)
                && !ApiKeySecrets.looksLikeApiKey(header.substring(7).trim());
    }

    private Optional<ApiCredential> authenticate(String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<ApiKeySecrets.PresentedKey> presented = ApiKeySecrets.parse(header.substring(7));
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyView> key =
                keys.handle(new FindApiKeyQuery(presented.get().keyId()));
        if (key.isEmpty()
                || !ApiKeySecrets.matches(presented.get().secret(), key.get().secretSha256())) {
            return Optional.empty();
        }
        if (!key.get().isUsableAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(ApiCredential.of(key.get()));
    }
}
