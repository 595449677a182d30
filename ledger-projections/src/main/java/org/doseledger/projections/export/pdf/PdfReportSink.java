package org.doseledger.projections.export.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.doseledger.projections.export.CellText;
import org.doseledger.projections.export.ReportColumn;
import org.doseledger.projections.export.ReportFooter;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.export.ReportSink;
import org.doseledger.projections.export.SignatureBlock;

/**
 * A report as a PDF for people: US Letter (landscape when the table is wide), the registrant, period and
 * notes at the top of every page, the column labels repeated on every page, "Page X of Y" with when and by
 * whom it was generated at the bottom, and at the end the totals and, for a signed record, signature lines
 * with the printed name, date and time, and the meaning of the signature (21 CFR 11.50).
 *
 * <p>The table is handed to the document every {@value #ROWS_PER_FLUSH} rows as an incomplete table, so
 * finished pages are written to the stream and their rows dropped: memory stays flat however long the
 * report.
 */
public final class PdfReportSink implements ReportSink {

    /** More columns than this do not fit a portrait page at a readable size. */
    static final int MOST_COLUMNS_IN_PORTRAIT = 6;

    static final String NO_RECORDS = "No records in this period.";

    private static final int ROWS_PER_FLUSH = 50;
    private static final Color HEADING_SHADE = new Color(0xE4, 0xE4, 0xE4);

    private final OutputStream out;
    private Fonts fonts;
    private ReportHeader header;
    private int columnCount;
    private int[] printedColumns;
    private Document document;
    private PdfPTable table;
    private long rows;
    private boolean ended;

    public PdfReportSink(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void begin(ReportHeader header, List<ReportColumn> columns) throws IOException {
        if (document != null) {
            throw new IllegalStateException("The report has already begun");
        }
        Objects.requireNonNull(header.zone(), "the report's zone");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A report needs at least one column");
        }
        this.header = header;
        this.columnCount = columns.size();
        this.printedColumns = IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).printed())
                .toArray();
        if (printedColumns.length == 0) {
            throw new IllegalArgumentException("A printed report needs at least one printed column");
        }
        List<ReportColumn> printed =
                Arrays.stream(printedColumns).mapToObj(columns::get).toList();
        this.fonts = Fonts.standard();

        // landscape as a wider media box rather than a /Rotate entry, so every reader and text extractor
        // sees the page the way it is printed
        Rectangle pageSize = printed.size() > MOST_COLUMNS_IN_PORTRAIT
                ? new Rectangle(PageSize.LETTER.getHeight(), PageSize.LETTER.getWidth())
                : PageSize.LETTER;
        PageFrame frame = new PageFrame(header, pageSize, fonts);
        document = new Document(
                pageSize, PageFrame.SIDE_MARGIN, PageFrame.SIDE_MARGIN, frame.topMargin(), PageFrame.BOTTOM_MARGIN);
        table = columnHeadings(printed);
        write(() -> {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(frame);
            document.addTitle(Objects.toString(header.title(), ""));
            document.addSubject(Objects.toString(header.exportType(), ""));
            document.addAuthor(Objects.toString(header.registrantName(), ""));
            document.addCreator("Dose Ledger");
            document.open();
        });
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (document == null || ended) {
            throw new IllegalStateException("Rows go between begin and end");
        }
        if (cells.size() != columnCount) {
            throw new IllegalArgumentException(
                    "A row of " + cells.size() + " cells in a report of " + columnCount + " columns");
        }
        for (int column : printedColumns) {
            table.addCell(cell(cells.get(column)));
        }
        rows++;
        if (rows % ROWS_PER_FLUSH == 0) {
            write(() -> document.add(table));
        }
    }

    @Override
    public long end(ReportFooter footer) throws IOException {
        if (document == null || ended) {
            throw new IllegalStateException("A report ends once, after begin");
        }
        ended = true;
        write(() -> {
            if (rows == 0) {
                document.add(new Paragraph(NO_RECORDS, fonts.bold()));
            } else {
                table.setComplete(true);
                document.add(table);
            }
            closing(footer);
            document.close();
        });
        out.flush();
        return rows;
    }

    private PdfPTable columnHeadings(List<ReportColumn> columns) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(1, columns.get(i).width());
        }
        PdfPTable headings = new PdfPTable(widths);
        headings.setWidthPercentage(100);
        headings.setHeaderRows(1);
        headings.setComplete(false);
        for (ReportColumn column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(column.label(), fonts.bold()));
            cell.setBackgroundColor(HEADING_SHADE);
            cell.setPadding(3);
            headings.addCell(cell);
        }
        return headings;
    }

    private PdfPCell cell(Object value) {
        PdfPCell cell = new PdfPCell(new Phrase(CellText.of(value, header.zone()), fonts.body()));
        cell.setPadding(3);
        if (value instanceof Number) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    private void closing(ReportFooter footer) {
        if (footer == null) {
            return;
        }
        for (String total : footer.totals()) {
            Paragraph line = new Paragraph(total, fonts.bold());
            line.setSpacingBefore(4);
            document.add(line);
        }
        SignatureBlock signature = footer.signature();
        if (signature == null) {
            return;
        }
        Paragraph meaning =
                new Paragraph("Meaning of signature: " + Objects.toString(signature.meaning(), ""), fonts.body());
        meaning.setSpacingBefore(12);
        document.add(meaning);
        for (int signer = 1; signer <= signature.signers(); signer++) {
            document.add(signatureLines(signer, signature.signers()));
        }
    }

    /** One signer's lines, kept on one page: a signature split from its printed name means nothing. */
    private PdfPTable signatureLines(int signer, int signers) {
        PdfPTable lines = new PdfPTable(new float[] {1, 4});
        lines.setWidthPercentage(60);
        lines.setHorizontalAlignment(Element.ALIGN_LEFT);
        lines.setKeepTogether(true);
        lines.setSpacingBefore(14);
        PdfPCell title =
                new PdfPCell(new Phrase(signers > 1 ? "Signer " + signer + " of " + signers : "Signer", fonts.bold()));
        title.setColspan(2);
        title.setBorder(Rectangle.NO_BORDER);
        lines.addCell(title);
        for (String label : List.of("Signature", "Printed name", "Date and time")) {
            PdfPCell name = new PdfPCell(new Phrase(label, fonts.body()));
            name.setBorder(Rectangle.NO_BORDER);
            name.setVerticalAlignment(Element.ALIGN_BOTTOM);
            name.setFixedHeight(label.equals("Signature") ? 30 : 20);
            lines.addCell(name);
            PdfPCell blank = new PdfPCell(new Phrase(""));
            blank.setBorder(Rectangle.BOTTOM);
            lines.addCell(blank);
        }
        return lines;
    }

    /** OpenPDF reports a failing output stream as an unchecked wrapper; the contract says IOException. */
    private static void write(PdfWork work) throws IOException {
        try {
            work.run();
        } catch (ExceptionConverter e) {
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface PdfWork {
        void run() throws IOException;
    }
}
