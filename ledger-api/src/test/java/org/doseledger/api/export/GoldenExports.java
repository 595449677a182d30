package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.doseledger.projections.export.CsvReportSink;
import org.doseledger.projections.export.JsonReportSink;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.ReportSink;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The golden-file tests of the export types: an export written as CSV and JSON on a fixed scenario must
 * equal its files under {@code src/test/resources/golden-exports} byte for byte. A missing golden file is
 * written once and the test fails, so that a person reviews it before it is committed.
 */
final class GoldenExports {

    static final Path GOLDEN = Path.of("src/test/resources/golden-exports");

    private GoldenExports() {}

    /** The March 2026 report header of a golden practice, as the export job would write it. */
    static ReportHeader header(ExportType type, String registrantName, ZoneId zone, List<String> notes) {
        return new ReportHeader(
                type.name(),
                type.title(),
                registrantName,
                "1 Main St, Springfield, IL 62701",
                "BG1234563",
                "2026-03-01 to 2026-03-31 (America/Chicago)",
                Instant.parse("2026-04-01T14:00:00Z"),
                "golden-key (COMPLIANCE_OFFICER)",
                zone,
                notes);
    }

    /**
     * Writes the export as CSV and JSON inside one read transaction, checks that {@code count} agrees with
     * the rows written, compares both with {@code <file>.csv} and {@code <file>.json}, and returns the CSV.
     */
    static String assertGolden(
            TransactionTemplate transactions, ExportType type, ExportQuery query, ReportHeader header, String file)
            throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        List<ReportSink> sinks = List.of(new CsvReportSink(csv), new JsonReportSink(json));
        for (ReportSink sink : sinks) {
            sink.begin(header, type.columns());
        }
        ReportFooter footer = transactions.execute(status -> {
            try {
                return type.write(query, cells -> {
                    for (ReportSink sink : sinks) {
                        sink.row(cells);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (ReportSink sink : sinks) {
            sink.end(footer);
        }
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(type.count(query)).as("count of " + file).isEqualTo(text.split("\r\n").length - 1);
        compare(file + ".csv", text);
        compare(file + ".json", json.toString(StandardCharsets.UTF_8));
        return text;
    }

    static void compare(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (!Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            fail("No golden file " + golden + "; wrote it: review it and commit it");
        }
        assertThat(actual).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
