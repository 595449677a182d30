package org.doseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void aFieldIsQuotedWhenItHoldsACommaAQuoteALineBreakOrAnOuterSpace() {
        assertThat(CsvText.field("Main safe")).isEqualTo("Main safe");
        assertThat(CsvText.field("")).isEmpty();
        assertThat(CsvText.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvText.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvText.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvText.field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(CsvText.field(" lead")).isEqualTo("\" lead\"");
        assertThat(CsvText.field("trail ")).isEqualTo("\"trail \"");
    }

    @Test
    void textASpreadsheetWouldRunGetsALeadingQuoteAndNothingElseChanges() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@A1", "\tx", "\rx"}) {
            assertThat(CsvText.guarded(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvText.guarded("")).isEmpty();
        assertThat(CsvText.guarded("1-2")).isEqualTo("1-2");
        assertThat(CsvText.guarded("Lovelace")).isEqualTo("Lovelace");
    }
}
