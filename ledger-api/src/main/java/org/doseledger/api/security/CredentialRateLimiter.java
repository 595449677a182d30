package org.doseledger.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** A token bucket per credential: {@link #acquire} takes a token, or says how long until there is one. */
@Component
public class CredentialRateLimiter {

    private final RateLimitProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CredentialRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** Zero when the request may go ahead; otherwise how long until the credential has a token again. */
    public Duration acquire(String keyId) {
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        return buckets.computeIfAbsent(keyId, id -> new Bucket(properties.burst()))
                .take(properties, System.nanoTime());
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int burst) {
            this.tokens = burst;
            this.refilledAt = System.nanoTime();
        }

        synchronized Duration take(RateLimitProperties properties, long now) {
            tokens = Math.min(properties.burst(), tokens + (now - refilledAt) / 1e9 * properties.perSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / properties.perSecond() * 1e9));
        }
    }
}
