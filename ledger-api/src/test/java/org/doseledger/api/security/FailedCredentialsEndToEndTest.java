package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Three failed credentials a minute per source address. The per-credential limit stays off
 * ({@code ledger.rate-limit.enabled=false}, FreshDatabase's default): it does not switch this one off. Forwarded
 * headers are not configured, so X-Forwarded-For is not taken for the address.
 */
@TestPropertySource(properties = "ledger.rate-limit.failed-credentials-per-minute=3")
class FailedCredentialsEndToEndTest extends EndToEndTest {

    @Test
    void anAddressPastItsFailedCredentialsIsRefusedEvenWithAValidCredentialAndOthersCarryOn() {
        String practice = newPractice();
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String officerToken = TestTokens.of("officer-9", "COMPLIANCE_OFFICER", practice);
        String path = "/api/practices/" + practice;
        Http guesser = new Http("127.0.0.1", port);
        for (int i = 0; i < 4; i++) {
            assertProblem(guesser.get(path).send(), 401, "UNAUTHENTICATED");
        }
        assertThat(guesser.get(path).key(officer).send().status())
                .as("requests without a credential are not counted")
                .isEqualTo(200);

        assertProblem(guesser.get(path).key(wrongSecret(officer)).send(), 401, "UNAUTHENTICATED");
        assertProblem(
                guesser.get(path)
                        .key(TestTokens.signedByStranger("officer-9", "COMPLIANCE_OFFICER", practice))
                        .send(),
                401,
                "UNAUTHENTICATED");
        assertThat(guesser.get(path).key(officer).send().status())
                .as("below the limit a valid key works, and it does not wipe out the failures")
                .isEqualTo(200);
        assertProblem(guesser.get(path).key("not.a.token").send(), 401, "UNAUTHENTICATED");

        Http.Response refused = guesser.get(path).key(officer).send();
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 20L);
        assertProblem(guesser.get(path).key(officerToken).send(), 429, "RATE_LIMITED");
        assertProblem(guesser.get(path).key(wrongSecret(officer)).send(), 429, "RATE_LIMITED");
        assertProblem(
                guesser.get(path)
                        .key(officer)
                        .header("X-Forwarded-For", "198.51.100.23")
                        .send(),
                429,
                "RATE_LIMITED");
        assertProblem(guesser.get(path).send(), 401, "UNAUTHENTICATED");
        assertThat(guesser.get("/actuator/health/liveness").send().status())
                .as("requests without a credential are not refused")
                .isEqualTo(200);

        Http otherAddress = new Http("[::1]", port);
        assumeTrue(reachable(otherAddress), "no IPv6 loopback to send from another address");
        assertThat(otherAddress.get(path).key(officer).send().status()).isEqualTo(200);
    }

    private static String wrongSecret(String apiKey) {
        char last = apiKey.charAt(apiKey.length() - 1);
        return apiKey.substring(0, apiKey.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static boolean reachable(Http http) {
        try {
            http.get("/actuator/health/liveness").send();
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
