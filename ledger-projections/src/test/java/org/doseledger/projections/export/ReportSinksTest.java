package org.doseledger.projections.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSinksTest {

    private static final ReportHeader HEADER = new ReportHeader(
            "dispensing-record",
            "Dispensing and administration record",
            "Springfield Ketamine Clinic",
            "1 Main St, Springfield, IL 62701",
            "BS1234563",
            "2026-01-01 to 2026-01-31 (America/Chicago)",
            Instant.parse("2026-02-01T15:00:00Z"),
            "key-1",
            ZoneId.of("America/Chicago"),
            List.of("All locations"));
    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("at", "At"),
            new ReportColumn("name", "Name"),
            new ReportColumn("mg", "mg"),
            new ReportColumn("late", "Late"),
            new ReportColumn("expires", "Expires"));

    @Test
    void csvQuotesWhatRfc4180AsksAndShowsTimesWithTheReportsOffset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSink csv = new CsvReportSink(out);
        csv.begin(HEADER, COLUMNS);
        csv.row(Arrays.asList(
                Instant.parse("2026-01-05T15:30:00Z"),
                "Lovelace, \"Ada\"",
                new BigDecimal("25.00"),
                false,
                LocalDate.parse("2027-01-31")));
        csv.row(Arrays.asList(null, "two\nlines", new BigDecimal("-0.5"), true, null));
        assertThat(csv.end(new ReportFooter(List.of(), null))).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("at,name,mg,late,expires\r\n"
                        + "2026-01-05T09:30:00-06:00,\"Lovelace, \"\"Ada\"\"\",25.00,no,2027-01-31\r\n"
                        + ",\"two\nlines\",-0.5,yes,\r\n");
    }

    /**
     * A person opens a bundle's CSV in a spreadsheet: text the practice software sent that would run there as a
     * formula (a supplier named {@code =HYPERLINK(...)}) is shown as text, with a leading quote, as every CSV of
     * the service does; numbers, negative ones too, are written as they are.
     */
    @Test
    void csvShowsTextThatASpreadsheetWouldRunAsTextAndLeavesNumbersAlone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSink csv = new CsvReportSink(out);
        csv.begin(HEADER, COLUMNS);
        csv.row(Arrays.asList(null, "=HYPERLINK(\"http://x.example\",\"open\")", new BigDecimal("-0.5"), true, null));
        csv.row(Arrays.asList(null, "@SUM(1)", new BigDecimal("1"), true, null));
        csv.row(Arrays.asList(null, "-2+3", new BigDecimal("1"), true, null));
        csv.end(new ReportFooter(List.of(), null));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("at,name,mg,late,expires\r\n"
                        + ",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"open\"\")\",-0.5,yes,\r\n"
                        + ",'@SUM(1),1,yes,\r\n"
                        + ",'-2+3,1,yes,\r\n");
    }

    @Test
    void csvRefusesARowOfTheWrongWidth() throws IOException {
        ReportSink csv = new CsvReportSink(new ByteArrayOutputStream());
        csv.begin(HEADER, COLUMNS);
        assertThatThrownBy(() -> csv.row(List.of("only one"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonKeepsTypesHeaderAndFooter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSink sink = new JsonReportSink(out);
        sink.begin(HEADER, COLUMNS);
        sink.row(Arrays.asList(
                Instant.parse("2026-01-05T15:30:00Z"),
                "Ada",
                new BigDecimal("25.00"),
                false,
                LocalDate.parse("2027-01-31")));
        sink.end(new ReportFooter(List.of("Doses: 1"), new SignatureBlock("I certify", 1)));

        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.at("/header/generatedAt").asText()).isEqualTo("2026-02-01T09:00:00-06:00");
        assertThat(json.at("/header/zone").asText()).isEqualTo("America/Chicago");
        assertThat(json.at("/columns/2/key").asText()).isEqualTo("mg");
        JsonNode record = json.at("/records/0");
        assertThat(record.get("at").asText()).isEqualTo("2026-01-05T09:30:00-06:00");
        assertThat(record.get("mg").isNumber()).isTrue();
        assertThat(record.get("mg").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"mg\":25.00");
        assertThat(record.get("late").isBoolean()).isTrue();
        assertThat(json.at("/footer/totals/0").asText()).isEqualTo("Doses: 1");
        assertThat(json.at("/footer/signature/signers").asInt()).isEqualTo(1);
        assertThat(json.get("recordCount").asLong()).isEqualTo(1);
    }
}
