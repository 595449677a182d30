package org.doseledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.servlet.HandlerInterceptor;

/** Each authenticated request takes a token from its credential's bucket; an empty bucket is a 429. */
class RateLimitInterceptor implements HandlerInterceptor {

    private final CredentialRateLimiter limiter;

    RateLimitInterceptor(CredentialRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ApiCredential credential = CurrentCredential.find().orElse(null);
        if (credential == null) {
            return true;
        }
        Duration wait = limiter.acquire(credential.id());
        if (!wait.isZero()) {
            throw new RateLimitedException(wait);
        }
        return true;
    }
}
