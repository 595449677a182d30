package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private CredentialRateLimiter limiter(double perSecond, int burst) {
        return new CredentialRateLimiter(new RateLimitProperties(true, perSecond, burst, 20), clock);
    }

    @Test
    void aBurstGoesThroughThenTheNextRequestWaitsForOneToken() {
        CredentialRateLimiter limiter = limiter(10, 3);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("key-1")).isZero();
        }
        assertThat(limiter.acquire("key-1")).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.acquire("key-2"))
                .as("each credential has its own bucket")
                .isZero();
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurst() {
        CredentialRateLimiter limiter = limiter(10, 2);
        limiter.acquire("key-1");
        limiter.acquire("key-1");

        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(limiter.acquire("key-1")).isZero();
        assertThat(limiter.acquire("key-1")).isEqualTo(Duration.ofMillis(100));

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.acquire("key-1")).isZero();
        assertThat(limiter.acquire("key-1")).isZero();
        assertThat(limiter.acquire("key-1")).as("never more than the burst").isPositive();
    }

    @Test
    void aRateBelowOneASecond() {
        CredentialRateLimiter limiter = limiter(0.1, 1);
        assertThat(limiter.acquire("key-1")).isZero();
        assertThat(limiter.acquire("key-1")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void switchedOffItNeverWaits() {
        CredentialRateLimiter limiter = new CredentialRateLimiter(new RateLimitProperties(false, 1, 1, 20), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("key-1")).isZero();
        }
    }

    @Test
    void aRateOrBurstThatCouldNotWorkIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties(true, 0, 10, 20))
                .hasMessageContaining("ledger.rate-limit.per-second must be above 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties(true, 5, 0, 20))
                .hasMessageContaining("ledger.rate-limit.burst must be 1 or more");
    }
}
