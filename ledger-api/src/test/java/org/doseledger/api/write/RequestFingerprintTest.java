package org.doseledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.IntStream;
import org.doseledger.api.security.ApiKeySecrets;
import org.junit.jupiter.api.Test;

/**
 * A stored request fingerprint must not give away the request: it used to be a plain SHA-256 of the
 * endpoint and the request, so a contact update's phone number came back from a few million guesses.
 * Keyed with a secret kept with the master key, the same guesses find nothing.
 */
class RequestFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "POST /api/practices/p-1/clients/c-1/contact";

    private final IdempotentWrites writes = new IdempotentWrites(null, null, JSON, new byte[32]);

    @Test
    void aPhoneNumberCannotBeRecoveredFromAFingerprintByGuessing() throws Exception {
        String fingerprint = writes.fingerprint(ENDPOINT, Map.of("phone", "+1-217-555-0199"));

        boolean found = IntStream.range(0, 10_000).anyMatch(n -> {
            String guess = "+1-217-555-" + String.format("%04d", n);
            try {
                return ApiKeySecrets.sha256(ENDPOINT + "\n" + JSON.writeValueAsString(Map.of("phone", guess)))
                        .equals(fingerprint);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(found)
                .as("the plain-hash brute force of the review finds the phone")
                .isFalse();
    }

    @Test
    void theSameRequestHasTheSameFingerprintAndAnotherKeyAnother() {
        Map<String, String> request = Map.of("phone", "+1-217-555-0199");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThat(writes.fingerprint(ENDPOINT, request)).isEqualTo(writes.fingerprint(ENDPOINT, request));
        assertThat(new IdempotentWrites(null, null, JSON, otherKey).fingerprint(ENDPOINT, request))
                .isNotEqualTo(writes.fingerprint(ENDPOINT, request));
        assertThat(writes.fingerprint(ENDPOINT, Map.of("phone", "+1-217-555-0198")))
                .isNotEqualTo(writes.fingerprint(ENDPOINT, request));
    }
}
