package org.doseledger.core.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The verifier expects each CSV cell to be the JSON record's value as the service writes CSV, formula guard
 * included: text a spreadsheet would run gets a leading quote, numbers never.
 */
class CsvTextOfRecordsTest {

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    @Test
    void textThatWouldRunAsAFormulaIsExpectedWithItsGuard() {
        assertThat(ExportBundleVerifier.csvText(json.textNode("=HYPERLINK(\"x\")")))
                .isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ExportBundleVerifier.csvText(json.textNode("+1"))).isEqualTo("'+1");
        assertThat(ExportBundleVerifier.csvText(json.textNode("-1"))).isEqualTo("'-1");
        assertThat(ExportBundleVerifier.csvText(json.textNode("@A1"))).isEqualTo("'@A1");
        assertThat(ExportBundleVerifier.csvText(json.textNode("Main safe"))).isEqualTo("Main safe");
    }

    @Test
    void numbersBooleansAndNullAreExpectedAsWritten() {
        assertThat(ExportBundleVerifier.csvText(json.numberNode(new BigDecimal("-0.5"))))
                .isEqualTo("-0.5");
        assertThat(ExportBundleVerifier.csvText(json.numberNode(-3L))).isEqualTo("-3");
        assertThat(ExportBundleVerifier.csvText(json.booleanNode(true))).isEqualTo("yes");
        assertThat(ExportBundleVerifier.csvText(json.nullNode())).isEmpty();
    }
}
