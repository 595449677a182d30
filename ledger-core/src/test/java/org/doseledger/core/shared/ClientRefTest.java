package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRefTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final String LONGEST =
            "c123456789012345678901234567890123456789012345678901234567890123"; // 64 characters, the most allowed

    @Test
    void toStringIsTheClientStreamId() {
        assertThat(new ClientRef(PRACTICE, "c-42")).hasToString("client:clinic-1:c-42");
    }

    @Test
    void sameClientIdInTwoPracticesIsTwoStreams() {
        ClientRef first = new ClientRef(PracticeId.of("clinic-1"), "c-42");
        ClientRef second = new ClientRef(PracticeId.of("clinic-2"), "c-42");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.toString()).isNotEqualTo(second.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-42", "0", "Client_7.a", LONGEST})
    void canCreateAValidClientRef(String clientId) {
        assertThat(ClientRef.isValidClientId(clientId)).isTrue();
        assertThat(new ClientRef(PRACTICE, clientId).clientId()).isEqualTo(clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-c42", "c:42", "c 42", "c/42", LONGEST + "x"})
    void cannotCreateAClientRefWithAMalformedClientId(String clientId) {
        assertThat(ClientRef.isValidClientId(clientId)).isFalse();
        assertThatThrownBy(() -> new ClientRef(PRACTICE, clientId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client id must match");
    }

    @Test
    void clientRefNeedsAClientId() {
        assertThat(ClientRef.isValidClientId(null)).isFalse();
        assertThatThrownBy(() -> new ClientRef(PRACTICE, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientRefNeedsAPractice() {
        assertThatThrownBy(() -> new ClientRef(null, "c-42")).isInstanceOf(NullPointerException.class);
    }
}
