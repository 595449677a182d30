package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.export.CsvReportSink;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.JsonReportSink;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.ReportSink;
import org.doseledger.projections.export.pdf.PdfReportSink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The golden-file tests of the export types: an export written as CSV and JSON on a fixed scenario must
 * equal its files under {@code src/test/resources/golden-exports} byte for byte, and its PDF's text (as
 * PDFBox extracts it) must equal {@code <file>.pdf.txt}. A missing golden file is
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
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<ReportSink> sinks = List.of(new CsvReportSink(csv), new JsonReportSink(json), new PdfReportSink(pdf));
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
        compare(file + ".pdf.txt", pdfText(pdf.toByteArray()));
        return text;
    }

    /** The PDF's text as PDFBox extracts it: what a person reading the printed record sees, line by line. */
    static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // a no-break space (between an amount and its unit) reads as a space
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replace('\u00A0', ' ');
        }
    }

    /** Whether a test class's scenario is in its database already (the scenario is set up once per class). */
    static boolean registered(JdbcTemplate jdbc, PracticeId practice) {
        return jdbc.queryForObject(
                        "select count(*) from practice_registry where practice_id = ?", Long.class, practice.value())
                > 0;
    }

    /** A golden practice at 1 Main St, Springfield, IL, in America/Chicago, as the practice registry holds it. */
    static void registerPractice(JdbcTemplate jdbc, PracticeId practice, String name, String deaNumber, Instant at) {
        jdbc.update("""
                insert into practice_registry (practice_id, name, address, dea_number, dea_registration_expires_on,
                                               authorized_schedules, time_zone, registered_at, recorded_at)
                values (?, ?, '{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"}',
                        ?, '2028-12-31', '["III"]', 'America/Chicago', ?, ?)
                """, practice.value(), name, deaNumber, Timestamp.from(at), Timestamp.from(at));
    }

    static void registerSafe(JdbcTemplate jdbc, PracticeId practice, String locationId, String name, Instant at) {
        jdbc.update(
                "insert into location_registry values (?, ?, ?, 'SAFE', false, ?)",
                practice.value(),
                locationId,
                name,
                Timestamp.from(at));
    }

    /** Ketamine HCl 50 mg/mL in 10 mL vials under {@code ndc}. */
    static void registerKetamineVials(JdbcTemplate jdbc, PracticeId practice, String ndc, Instant at) {
        jdbc.update("""
                insert into product_catalogue values (?, ?, 'Ketamine HCl 50 mg/mL', 'KETAMINE', 'III',
                    'INJECTABLE_SOLUTION', 'ketamine HCl injection 50 mg/mL, 10 mL vial', 50, 'ML', 10, ?)
                """, practice.value(), ndc, Timestamp.from(at));
    }

    /** An active practitioner with one role and, for a prescriber, a DEA number. */
    static void registerPractitioner(
            JdbcTemplate jdbc, PracticeId practice, String id, String name, String role, String deaNumber, Instant at) {
        jdbc.update(
                "insert into practitioner_registry values (?, ?, ?, ?::jsonb, ?, true, ?, null)",
                practice.value(),
                id,
                name,
                "[\"" + role + "\"]",
                deaNumber,
                Timestamp.from(at));
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
