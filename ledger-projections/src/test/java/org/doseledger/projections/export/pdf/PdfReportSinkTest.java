package org.doseledger.projections.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doseledger.projections.export.ReportColumn;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.SignatureBlock;
import org.junit.jupiter.api.Test;

class PdfReportSinkTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant ADMINISTERED = Instant.parse("2026-11-20T15:30:00Z");

    private static final List<ReportColumn> DOSE_COLUMNS = List.of(
            new ReportColumn("administeredAt", "Administered at", 2),
            new ReportColumn("client", "Client", 2),
            new ReportColumn("lot", "Lot"),
            new ReportColumn("doseMg", "Dose (mg)"),
            new ReportColumn("sessionDate", "Session date"),
            new ReportColumn("witnessed", "Witnessed"));

    @Test
    void printsTheRegistrantPeriodAndColumnsAboveTheRows() throws IOException {
        byte[] pdf = render(DOSE_COLUMNS, 3, footer(List.of(), null));

        String text = text(pdf);
        assertThat(text)
                .contains("Dispensing and administration record (21 CFR 1304.22(c))")
                .contains("Registrant: Prairie Ketamine Clinic")
                .contains("DEA number: BP1234563")
                .contains("Address: 100 Main St, Springfield, IL 62701")
                .contains("Period: 2026-11-01 to 2026-11-30 (America/Chicago)")
                .contains("Location: Springfield office")
                .contains("Administered at", "Client", "Lot", "Dose (mg)", "Session date", "Witnessed");
    }

    @Test
    void columnsKeptForMachinesAreLeftOutOfThePrint() throws IOException {
        List<ReportColumn> columns = new ArrayList<>(DOSE_COLUMNS);
        columns.set(2, new ReportColumn("lot", "Lot").unprinted());

        String text = text(render(columns, 2, footer(List.of(), null)));

        assertThat(text).contains("Administered at", "Client 2", "Dose (mg)").doesNotContain("LOT-2026-");
    }

    @Test
    void cellsAreTextWithTimesInTheReportOffset() throws IOException {
        byte[] pdf = render(DOSE_COLUMNS, 1, footer(List.of(), null));

        assertThat(text(pdf))
                .contains("2026-11-20 09:30:00 CST")
                .contains("Client 1")
                .contains("30.150")
                .contains("2026-11-20")
                .contains("yes");
    }

    @Test
    void timesArePrintedToTheSecondInThePracticesZoneNeverInNanoseconds() throws IOException {
        List<ReportColumn> columns = List.of(new ReportColumn("at", "At", 2), new ReportColumn("what", "What"));

        String text =
                text(renderRows(columns, List.of(Arrays.asList(Instant.parse("2026-07-04T15:30:12.123456789Z"), "x"))));

        assertThat(text)
                .contains("2026-07-04 10:30:12 CDT")
                .doesNotContain("123456789")
                .doesNotContain(".123");
    }

    @Test
    void quantitiesArePrintedWithTheirUnit() throws IOException {
        List<ReportColumn> columns = List.of(
                new ReportColumn("quantity", "Quantity").withUnitFrom("unit"),
                new ReportColumn("unit", "Unit").unprinted(),
                new ReportColumn("milligrams", "mg").inUnit("mg"));

        String text = text(renderRows(
                columns,
                List.of(
                        Arrays.asList(new BigDecimal("2.4"), "ML", new BigDecimal("120")),
                        Arrays.asList(new BigDecimal("5"), "EACH", new BigDecimal("500")),
                        Arrays.asList(new BigDecimal("1"), "EACH", new BigDecimal("100")),
                        Arrays.asList(new BigDecimal("2"), "DEVICE", new BigDecimal("56")))));

        assertThat(text).contains("2.4 mL", "120 mg", "5 troches", "500 mg", "1 troche", "2 devices", "56 mg");
    }

    @Test
    void aNameOutsideWesternEuropeKeepsEveryLetterInAnEmbeddedFont() throws IOException {
        List<ReportColumn> columns = List.of(new ReportColumn("client", "Client", 2), new ReportColumn("by", "By"));

        byte[] pdf = renderRows(columns, List.of(Arrays.asList("Jan Łukasiewicz", "Zoë Ørsted-Şahin")));

        assertThat(text(pdf)).contains("Jan Łukasiewicz").contains("Zoë Ørsted-Şahin");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.cos.COSName name :
                    document.getPage(0).getResources().getFontNames()) {
                assertThat(document.getPage(0).getResources().getFont(name).isEmbedded())
                        .as("font " + name)
                        .isTrue();
            }
        }
    }

    @Test
    void wordsAreNeverBrokenAcrossLines() throws IOException {
        List<ReportColumn> columns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            columns.add(new ReportColumn("c" + i, "Administered or dispensed by " + i));
        }
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            row.add(i % 2 == 0 ? "ADMINISTERED 42023-0113-10" : "Łukasiewicz-Skłodowska, MD");
        }

        String text = text(renderRows(columns, List.of(row)));

        assertThat(occurrences(text, "ADMINISTERED")).isEqualTo(5);
        assertThat(occurrences(text, "42023-0113-10")).isEqualTo(5);
        assertThat(occurrences(text, "Łukasiewicz-Skłodowska,")).isEqualTo(5);
        assertThat(occurrences(text, "Administered")).isEqualTo(10);
        assertThat(occurrences(text, "dispensed")).isEqualTo(10);
    }

    private static byte[] renderRows(List<ReportColumn> columns, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportSink sink = new PdfReportSink(out);
        sink.begin(header(), columns);
        for (List<Object> row : rows) {
            sink.row(row);
        }
        sink.end(footer(List.of(), null));
        return out.toByteArray();
    }

    @Test
    void everyPageSaysWhichOfHowManyItIsAndRepeatsTheHeader() throws IOException {
        byte[] pdf = render(DOSE_COLUMNS, 130, footer(List.of(), null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            for (int page = 1; page <= pages; page++) {
                assertThat(pageText(document, page))
                        .contains("Page " + page + " of " + pages)
                        .contains(
                                "Generated at 2026-12-01 08:15:00 CST by key-compliance-7 | Export: dispensing-record")
                        .contains("DEA number: BP1234563")
                        .contains("Administered at");
            }
            assertThat(pageText(document, pages)).contains("Client 130");
        }
    }

    @Test
    void aTableWhoseLastRowsWereAlreadyWrittenEndsCleanly() throws IOException {
        byte[] pdf = render(DOSE_COLUMNS, 100, footer(List.of("Doses: 100"), null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(occurrences(text, "Administered at")).isEqualTo(document.getNumberOfPages());
            assertThat(occurrences(text, "Client 100 ")).isEqualTo(1);
            assertThat(text).contains("Doses: 100");
        }
    }

    @Test
    void aWideTableIsPrintedLandscape() throws IOException {
        List<ReportColumn> wide = new ArrayList<>(DOSE_COLUMNS);
        wide.add(new ReportColumn("route", "Route"));

        assertThat(firstPage(render(DOSE_COLUMNS, 1, footer(List.of(), null))))
                .satisfies(size -> assertThat(size.getWidth()).isLessThan(size.getHeight()));
        assertThat(firstPage(render(wide, 1, footer(List.of(), null))))
                .satisfies(size -> assertThat(size.getWidth()).isGreaterThan(size.getHeight()));
    }

    @Test
    void theFooterPrintsTotalsAndASignatureBlockPerSigner() throws IOException {
        ReportFooter footer = footer(
                List.of("Doses: 2; ketamine administered: 60.300 mg"),
                new SignatureBlock("We witnessed the destruction of the substances listed above", 2));

        String text = text(render(DOSE_COLUMNS, 2, footer));

        assertThat(text)
                .contains("Doses: 2; ketamine administered: 60.300 mg")
                .contains("Meaning of signature: We witnessed the destruction of the substances listed above")
                .contains("Signer 1 of 2", "Signer 2 of 2");
        assertThat(occurrences(text, "Signature\n")).isEqualTo(2);
        assertThat(occurrences(text, "Printed name")).isEqualTo(2);
        assertThat(occurrences(text, "Date and time")).isEqualTo(2);
    }

    @Test
    void anEmptyPeriodStillGivesAPdfThatSaysSo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportSink sink = new PdfReportSink(out);
        sink.begin(header(), DOSE_COLUMNS);

        assertThat(sink.end(footer(List.of("Doses: 0"), null))).isZero();

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(pageText(document, 1))
                    .contains("No records in this period.")
                    .contains("Registrant: Prairie Ketamine Clinic")
                    .contains("Page 1 of 1")
                    .contains("Doses: 0");
        }
    }

    @Test
    void cannotTakeARowOfTheWrongWidth() throws IOException {
        PdfReportSink sink = new PdfReportSink(new ByteArrayOutputStream());
        sink.begin(header(), DOSE_COLUMNS);

        assertThatThrownBy(() -> sink.row(List.of("only one cell")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells")
                .hasMessageContaining("6 columns");
    }

    @Test
    void cannotTakeRowsAfterTheEnd() throws IOException {
        PdfReportSink sink = new PdfReportSink(new ByteArrayOutputStream());
        sink.begin(header(), DOSE_COLUMNS);
        sink.end(footer(List.of(), null));

        assertThatThrownBy(() -> sink.row(dose(1))).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A long period streams: pages reach the output while rows still arrive, instead of the whole
     * document at the end, and the sink leaves the stream open for the bundle around it. 20,000 rows
     * (about 450 pages) show it; 100,000 take 7 to 16 s on a busy two-core machine, too long for a unit
     * test, and ran in a 24 MB heap with the live heap flat at about 10 MB.
     */
    @Test
    void aLongReportIsWrittenToTheStreamPageByPage() throws IOException {
        int rows = 20_000;
        CountingStream out = new CountingStream();
        PdfReportSink sink = new PdfReportSink(out);
        long started = System.nanoTime();
        sink.begin(header(), DOSE_COLUMNS);

        long[] writtenAt = new long[4];
        for (int i = 1; i <= rows; i++) {
            sink.row(dose(i));
            if (i % (rows / 4) == 0) {
                writtenAt[i / (rows / 4) - 1] = out.bytes;
            }
        }
        long beforeEnd = out.bytes;
        assertThat(sink.end(footer(List.of("Doses: " + rows), null))).isEqualTo(rows);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(writtenAt[0]).isGreaterThan(100_000);
        assertThat(writtenAt).isSorted().doesNotHaveDuplicates();
        assertThat(beforeEnd).isGreaterThan(out.bytes * 9 / 10);
        assertThat(out.closed).isFalse();
        assertThat(new String(out.tail, StandardCharsets.US_ASCII)).contains("%%EOF");
        System.out.printf(
                "PDF of %d rows: %d bytes in %d ms, written at each quarter %s%n",
                rows, out.bytes, took.toMillis(), Arrays.toString(writtenAt));
    }

    private static byte[] render(List<ReportColumn> columns, int rows, ReportFooter footer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportSink sink = new PdfReportSink(out);
        sink.begin(header(), columns);
        for (int i = 1; i <= rows; i++) {
            List<Object> cells = new ArrayList<>(dose(i));
            while (cells.size() < columns.size()) {
                cells.add("oral");
            }
            sink.row(cells);
        }
        assertThat(sink.end(footer)).isEqualTo(rows);
        return out.toByteArray();
    }

    private static List<Object> dose(int i) {
        return Arrays.asList(
                ADMINISTERED.plusSeconds(60L * (i - 1)),
                "Client " + i,
                "LOT-2026-" + (i % 7),
                new BigDecimal("30.150"),
                LocalDate.of(2026, 11, 20),
                i % 2 == 1);
    }

    private static ReportHeader header() {
        return new ReportHeader(
                "dispensing-record",
                "Dispensing and administration record (21 CFR 1304.22(c))",
                "Prairie Ketamine Clinic",
                "100 Main St, Springfield, IL 62701",
                "BP1234563",
                "2026-11-01 to 2026-11-30 (America/Chicago)",
                Instant.parse("2026-12-01T14:15:00Z"),
                "key-compliance-7",
                CHICAGO,
                List.of("Location: Springfield office"));
    }

    private static ReportFooter footer(List<String> totals, SignatureBlock signature) {
        return new ReportFooter(totals, signature);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static PDRectangle firstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getPage(0).getMediaBox();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Counts and discards what it is given, keeping only the last bytes to check the file's end. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        boolean closed;
        byte[] tail = new byte[0];

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            byte[] kept = new byte[Math.min(64, tail.length + len)];
            int fromNew = Math.min(len, kept.length);
            int fromOld = kept.length - fromNew;
            System.arraycopy(tail, tail.length - fromOld, kept, 0, fromOld);
            System.arraycopy(b, off + len - fromNew, kept, fromOld, fromNew);
            tail = kept;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
