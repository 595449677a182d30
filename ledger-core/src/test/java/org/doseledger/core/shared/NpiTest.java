package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpiTest {

    @Test
    void aValidNpiHasNoProblem() {
        assertThat(Npi.problemWith("1234567893")).isNull(); // the CMS example
        assertThat(Npi.problemWith("1245319599")).isNull();
    }

    @Test
    void aWrongCheckDigitOrFormatIsAProblem() {
        assertThat(Npi.problemWith("1234567890")).isEqualTo("NPI 1234567890 fails its check digit (expected 3)");
        assertThat(Npi.problemWith("123456789")).startsWith("NPI must be ten digits");
        assertThat(Npi.problemWith("3234567893")).startsWith("NPI must be ten digits");
        assertThat(Npi.problemWith(null)).startsWith("NPI must be ten digits");
    }
}
