package org.doseledger.api.security;

import java.time.Duration;

/** A credential made more requests than its rate limit allows; answered 429 with Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(Duration wait) {
        super("Too many requests from this credential; retry in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
