package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PracticeIdTest {

    private static final String LONGEST =
            "p123456789012345678901234567890123456789012345678901234567890123"; // 64 characters, the most allowed

    @ParameterizedTest
    @ValueSource(strings = {"clinic-1", "A", "9", "clinic_1.north-2", LONGEST})
    void canCreateAValidId(String value) {
        assertThat(PracticeId.isValid(value)).isTrue();
        assertThat(PracticeId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-clinic",
                ".clinic",
                "_clinic",
                "clinic:1",
                "clinic 1",
                "clinic/1",
                "klinik-ö",
                LONGEST + "x"
            })
    void cannotCreateAnIdInTheWrongFormat(String value) {
        assertThat(PracticeId.isValid(value)).isFalse();
        assertThatThrownBy(() -> PracticeId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(value);
    }

    @Test
    void idNeedsAValue() {
        assertThat(PracticeId.isValid(null)).isFalse();
        assertThatThrownBy(() -> PracticeId.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aggregateIdIsThePracticeStream() {
        assertThat(PracticeId.of("clinic-1").aggregateId()).isEqualTo("practice:clinic-1");
    }

    @Test
    void serialisesAsItsPlainString() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.writeValueAsString(PracticeId.of("clinic-1"))).isEqualTo("\"clinic-1\"");
        assertThat(json.readValue("\"clinic-1\"", PracticeId.class)).isEqualTo(PracticeId.of("clinic-1"));
    }
}
