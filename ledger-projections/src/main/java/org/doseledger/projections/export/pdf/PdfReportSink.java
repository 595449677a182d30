package org.doseledger.projections.export.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
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
import org.doseledger.projections.export.QuantityText;
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
    private static final float CELL_PADDING = 3;
    private static final float SMALLEST_SIZE = 4f;
    private static final float NARROWEST_UNIT = 26;
    private static final Color HEADING_SHADE = new Color(0xE4, 0xE4, 0xE4);

    private final OutputStream out;
    private Fonts fonts;
    private ReportHeader header;
    private int columnCount;
    private int[] printedColumns;
    private List<ReportColumn> columns;
    private float[] textWidths;
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
        this.columns = List.copyOf(columns);
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
        Rectangle pageSize = pageSize(printed);
        PageFrame frame = new PageFrame(header, pageSize, fonts);
        this.textWidths = textWidths(printed, pageSize.getWidth() - 2 * PageFrame.SIDE_MARGIN);
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
        for (int i = 0; i < printedColumns.length; i++) {
            int column = printedColumns[i];
            table.addCell(cell(printedText(column, cells), cells.get(column), textWidths[i]));
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

    /**
     * US Letter, portrait for a narrow table; landscape when more than {@value #MOST_COLUMNS_IN_PORTRAIT}
     * columns are printed; and when even a landscape Letter page leaves a column narrower than {@value
     * #NARROWEST_UNIT} pt per unit of width, Legal, then Tabloid, landscape: the paper grows with the table
     * so that words are set whole at a readable size instead of being split.
     */
    static Rectangle pageSize(List<ReportColumn> printed) {
        if (printed.size() <= MOST_COLUMNS_IN_PORTRAIT) {
            return PageSize.LETTER;
        }
        float units = 0;
        for (ReportColumn column : printed) {
            units += Math.max(1, column.width());
        }
        for (Rectangle paper : List.of(PageSize.LETTER, PageSize.LEGAL)) {
            if ((paper.getHeight() - 2 * PageFrame.SIDE_MARGIN) / units >= NARROWEST_UNIT) {
                return new Rectangle(paper.getHeight(), paper.getWidth());
            }
        }
        return new Rectangle(PageSize.TABLOID.getHeight(), PageSize.TABLOID.getWidth());
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
        for (int i = 0; i < columns.size(); i++) {
            PdfPCell cell = new PdfPCell(phrase(columns.get(i).label(), fonts.bold(), textWidths[i]));
            cell.setBackgroundColor(HEADING_SHADE);
            cell.setPadding(CELL_PADDING);
            headings.addCell(cell);
        }
        return headings;
    }

    /**
     * The width each printed column leaves for its text: the table spans the page between the margins and
     * shares it by the columns' relative widths; the cell's padding and borders come off.
     */
    private static float[] textWidths(List<ReportColumn> printed, float tableWidth) {
        float total = 0;
        for (ReportColumn column : printed) {
            total += Math.max(1, column.width());
        }
        float[] widths = new float[printed.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = tableWidth * Math.max(1, printed.get(i).width()) / total - 2 * CELL_PADDING - 1;
        }
        return widths;
    }

    /** A cell as people read it: times to the second in the practice's zone, quantities with their unit. */
    private String printedText(int index, List<Object> cells) {
        ReportColumn column = columns.get(index);
        Object value = cells.get(index);
        if (value instanceof java.math.BigDecimal || value instanceof Long || value instanceof Integer) {
            java.math.BigDecimal amount = value instanceof java.math.BigDecimal decimal
                    ? decimal
                    : java.math.BigDecimal.valueOf(((Number) value).longValue());
            // a no-break space keeps the amount and its unit on one line
            if (column.fixedUnit() != null) {
                return QuantityText.of(amount, column.fixedUnit()).replace(' ', '\u00A0');
            }
            if (column.unitColumn() != null) {
                Object unit = cells.get(unitIndex(column.unitColumn()));
                return QuantityText.of(amount, unit == null ? null : unit.toString())
                        .replace(' ', '\u00A0');
            }
        }
        return CellText.printed(value, header.zone());
    }

    private int unitIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + key + " holds the unit of a quantity");
    }

    private PdfPCell cell(String text, Object value, float width) {
        PdfPCell cell = new PdfPCell(phrase(text, fonts.body(), width));
        cell.setPadding(CELL_PADDING);
        if (value instanceof Number) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    /**
     * Text that wraps only between words: lines break at spaces and nowhere else, and a word wider than its
     * column (an NDC, a long name) is set smaller until it fits, down to {@value #SMALLEST_SIZE} pt, rather
     * than being split across lines.
     */
    private static Phrase phrase(String text, Font font, float width) {
        float size = font.getSize();
        BaseFont base = font.getBaseFont();
        for (String word : text.split("\\s+")) {
            float wordWidth = base.getWidthPoint(word, size);
            if (wordWidth > width) {
                size = Math.max(SMALLEST_SIZE, size * width / wordWidth);
            }
        }
        Chunk chunk = new Chunk(text, new Font(base, size, font.getStyle()));
        chunk.setSplitCharacter(AT_SPACES);
        return new Phrase(chunk);
    }

    private static final SplitCharacter AT_SPACES =
            (start, current, end, chars, chunks) -> Character.isWhitespace(chars[current]);

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
