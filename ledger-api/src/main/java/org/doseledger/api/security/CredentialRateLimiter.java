package org.doseledger.api.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per credential (Bucket4j): {@code burst} requests at once, refilled continuously at
 * {@code perSecond}. {@link #acquire} takes a token, or says how long until there is one.
 */
@Component
public class CredentialRateLimiter {

    private final RateLimitProperties properties;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    CredentialRateLimiter(RateLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    CredentialRateLimiter(RateLimitProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Zero when the request may go ahead; otherwise how long until the credential has a token again. */
    public Duration acquire(String keyId) {
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Bucket newBucket() {
        // one token every 1/perSecond seconds, added continuously (a rate below one a second works too)
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1e9 / properties.perSecond())));
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.burst())
                        .refillGreedy(1, perToken)
                        .build())
                .withCustomTimePrecision(clock)
                .build();
    }
}
