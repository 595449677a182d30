package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeaNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB1234563", "BJ6125341", "MX3141594", "A91234563"})
    void canCreateAValidNumber(String value) {
        assertThat(DeaNumber.of(value).value()).isEqualTo(value);
        assertThat(DeaNumber.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB1234563", "BJ6125341", "MX3141594", "A91234563"})
    void problemWithIsNullForAValidNumber(String value) {
        assertThat(DeaNumber.problemWith(value)).isNull();
    }

    @Test
    void cannotCreateANumberWithAWrongCheckDigit() {
        assertThatThrownBy(() -> DeaNumber.of("AB1234564"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DEA number AB1234564 fails its check digit (expected 3)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab1234563", // lowercase
                "Ab1234563", // lowercase second letter
                "AB123456", // too short
                "AB12345630", // too long
                "ZB1234563", // Z is no registrant type
                "IB1234563", // I is no registrant type
                "A81234563", // second character is a letter or 9
                "AB12345X3", // letter among the digits
                " AB1234563", // surrounding blanks
                ""
            })
    void cannotCreateANumberInTheWrongFormat(String value) {
        assertThat(DeaNumber.problemWith(value)).startsWith("DEA number must be");
        assertThatThrownBy(() -> DeaNumber.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemWithNamesAMissingNumber() {
        assertThat(DeaNumber.problemWith(null)).isNotNull();
        assertThatThrownBy(() -> new DeaNumber(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void serialisesAsItsPlainString() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.writeValueAsString(DeaNumber.of("BJ6125341"))).isEqualTo("\"BJ6125341\"");
        assertThat(json.readValue("\"BJ6125341\"", DeaNumber.class)).isEqualTo(DeaNumber.of("BJ6125341"));
    }

    @Test
    void cannotReadAnInvalidNumberFromJson() {
        assertThatThrownBy(() -> new ObjectMapper().readValue("\"BJ6125342\"", DeaNumber.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
