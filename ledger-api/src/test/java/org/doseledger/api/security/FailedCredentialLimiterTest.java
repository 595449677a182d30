package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedCredentialLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private FailedCredentialLimiter limiter(int perMinute, int maxSources) {
        return new FailedCredentialLimiter(perMinute, maxSources, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aSourceMayFailItsLimitThenOnceMoreForEachMinuteDividedByTheLimit() {
        FailedCredentialLimiter limiter = limiter(3, 100);

        limiter.failed("192.0.2.7");
        limiter.failed("192.0.2.7");
        assertThat(limiter.refusedFor("192.0.2.7")).isZero();
        limiter.failed("192.0.2.7");

        assertThat(limiter.refusedFor("192.0.2.7")).isEqualTo(Duration.ofSeconds(20));
        advance(Duration.ofSeconds(19));
        assertThat(limiter.refusedFor("192.0.2.7")).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(limiter.refusedFor("192.0.2.7")).isZero();
        limiter.failed("192.0.2.7");
        assertThat(limiter.refusedFor("192.0.2.7")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void failuresOfRequestsAlreadyUnderWayLengthenTheWait() {
        FailedCredentialLimiter limiter = limiter(3, 100);

        for (int i = 0; i < 6; i++) {
            limiter.failed("192.0.2.7");
        }

        assertThat(limiter.refusedFor("192.0.2.7")).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void otherSourcesAreNotRefused() {
        FailedCredentialLimiter limiter = limiter(1, 100);

        limiter.failed("192.0.2.7");

        assertThat(limiter.refusedFor("192.0.2.7")).isPositive();
        assertThat(limiter.refusedFor("192.0.2.8")).isZero();
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64AndAnIpv4MappedAddressAsIpv4() {
        assertThat(FailedCredentialLimiter.source("2001:db8:1:2:aaaa::1"))
                .isEqualTo(FailedCredentialLimiter.source("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(FailedCredentialLimiter.source("2001:DB8:1:2::"))
                .isNotEqualTo(FailedCredentialLimiter.source("2001:db8:1:3::1"));
        assertThat(FailedCredentialLimiter.source("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(FailedCredentialLimiter.source("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void memoryIsBoundedByForgettingTheSourcesSeenLeastRecently() {
        FailedCredentialLimiter limiter = limiter(1, 100);

        limiter.failed("198.51.100.1");
        for (int i = 0; i < 10_000; i++) {
            limiter.failed("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
            assertThat(limiter.refusedFor("198.51.100.1"))
                    .as("a refused source that keeps coming back is not forgotten")
                    .isPositive();
        }

        assertThat(limiter.sourcesRemembered()).isEqualTo(100);
        assertThat(limiter.refusedFor("10.0.0.0")).as("forgotten").isZero();
        assertThat(limiter.refusedFor("10.0.39.15")).as("the latest").isPositive();
    }

    @Test
    void aSourceWhoseFailuresHaveDrainedIsForgotten() {
        FailedCredentialLimiter limiter = limiter(3, 100);

        limiter.failed("192.0.2.7");
        advance(Duration.ofSeconds(20));

        assertThat(limiter.refusedFor("192.0.2.7")).isZero();
        assertThat(limiter.sourcesRemembered()).isZero();
    }

    @Test
    void zeroTurnsTheLimitOff() {
        FailedCredentialLimiter limiter = limiter(0, 100);

        for (int i = 0; i < 1000; i++) {
            limiter.failed("192.0.2.7");
        }

        assertThat(limiter.refusedFor("192.0.2.7")).isZero();
        assertThat(limiter.sourcesRemembered()).isZero();
    }
}
