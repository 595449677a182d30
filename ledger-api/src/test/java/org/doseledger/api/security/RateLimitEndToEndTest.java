package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A bucket of three requests refilled at one every ten seconds, per credential. */
@TestPropertySource(
        properties = {"ledger.rate-limit.enabled=true", "ledger.rate-limit.burst=3", "ledger.rate-limit.per-second=0.1"
        })
class RateLimitEndToEndTest extends EndToEndTest {

    @Test
    void aCredentialPastItsLimitIsToldWhenToRetryAndOthersCarryOn() {
        String practice = newPractice();
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String other = issueKey("COMPLIANCE_OFFICER", practice);

        for (int i = 0; i < 3; i++) {
            assertThat(read(practice, officer).status()).isEqualTo(200);
        }
        Http.Response limited = read(practice, officer);

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 10L);
        assertThat(read(practice, other).status())
                .as("another credential has its own bucket")
                .isEqualTo(200);
    }

    private Http.Response read(String practice, String key) {
        return http.get("/api/practices/" + practice + "/inventory").key(key).send();
    }
}
