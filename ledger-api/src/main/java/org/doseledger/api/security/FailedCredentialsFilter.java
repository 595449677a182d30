package org.doseledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.doseledger.api.error.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the credentials a source address may present without success ({@link FailedCredentialLimiter}). A request
 * that carries a credential ({@code Authorization}) from a source past its limit is answered 429 before the
 * credential is looked at, valid or not: a valid key let through while wrong ones were refused would tell the guesser
 * which guess was right. Otherwise the request goes on, and an answer of 401 to it counts as a failure of its source.
 * Requests without a credential are neither refused nor counted. Successes do not erase failures, so holding one
 * valid credential does not buy more guesses at others.
 */
class FailedCredentialsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedCredentialsFilter.class);

    private final FailedCredentialLimiter limiter;
    private final ObjectMapper mapper;

    FailedCredentialsFilter(FailedCredentialLimiter limiter, ObjectMapper mapper) {
        this.limiter = limiter;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            chain.doFilter(request, response);
            return;
        }
        String source = FailedCredentialLimiter.source(request.getRemoteAddr());
        Duration wait = limiter.refusedFor(source);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponses.write(
                    request,
                    response,
                    mapper,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Too many requests",
                    "Too many credentials from this address were not accepted; this request's credential was not"
                            + " checked. Retry in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            limiter.failed(source);
            if (!limiter.refusedFor(source).isZero()) {
                log.warn(
                        "Credentials from {} failed too often; its requests with credentials are refused for now",
                        source);
            }
        }
    }
}
