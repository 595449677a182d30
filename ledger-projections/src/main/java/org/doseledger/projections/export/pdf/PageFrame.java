package org.doseledger.projections.export.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.Objects;
import org.doseledger.projections.export.CellText;
import org.doseledger.projections.export.ReportHeader;

/**
 * What every page carries around the table: the report's header at the top and, at the bottom, when and
 * by whom it was generated and "Page X of Y".
 *
 * <p>The total is not known until the last row, and the pages before it are already written to the
 * stream, so each footer draws "of" followed by one shared template (a form XObject) that is filled in
 * with the page count when the document closes: the pages refer to it, the number is written once at the
 * end.
 */
final class PageFrame extends PdfPageEventHelper {

    static final float SIDE_MARGIN = 36;
    static final float BOTTOM_MARGIN = 48;
    private static final float TOP_EDGE = 28;
    private static final float GAP_BELOW_HEADER = 8;
    private static final float FOOTER_BASELINE = 26;

    private final Rectangle pageSize;
    private final PdfPTable header;
    private final String generated;
    private final Fonts fonts;
    private final float totalWidth;
    private final float spaceWidth;
    private PdfTemplate total;
    private int pages;

    PageFrame(ReportHeader report, Rectangle pageSize, Fonts fonts) {
        this.pageSize = pageSize;
        this.fonts = fonts;
        this.header = headerBlock(report, pageSize.getWidth() - 2 * SIDE_MARGIN, fonts);
        this.generated = "Generated at " + CellText.printed(report.generatedAt(), report.zone()) + " by "
                + text(report.generatedBy()) + " | Export: " + text(report.exportType());
        this.totalWidth = fonts.regular().getWidthPoint("000000", Fonts.FOOTER_SIZE);
        this.spaceWidth = fonts.regular().getWidthPoint(" ", Fonts.FOOTER_SIZE);
    }

    /** The top margin the document needs so that the table starts below the header. */
    float topMargin() {
        return TOP_EDGE + header.getTotalHeight() + GAP_BELOW_HEADER;
    }

    int pages() {
        return pages;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(totalWidth, Fonts.FOOTER_SIZE * 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages++;
        PdfContentByte canvas = writer.getDirectContent();
        header.writeSelectedRows(0, -1, SIDE_MARGIN, pageSize.getHeight() - TOP_EDGE, canvas);

        ColumnText.showTextAligned(
                canvas, Element.ALIGN_LEFT, new Phrase(generated, fonts.footer()), SIDE_MARGIN, FOOTER_BASELINE, 0);
        float right = pageSize.getWidth() - SIDE_MARGIN - totalWidth;
        // the space before the total is a gap, not a character: right-aligned text loses trailing spaces
        ColumnText.showTextAligned(
                canvas,
                Element.ALIGN_RIGHT,
                new Phrase("Page " + pages + " of", fonts.footer()),
                right - spaceWidth,
                FOOTER_BASELINE,
                0);
        canvas.addTemplate(total, right, FOOTER_BASELINE + descent());
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regular(), Fonts.FOOTER_SIZE);
        total.setTextMatrix(0, -descent());
        total.showText(String.valueOf(pages));
        total.endText();
    }

    private float descent() {
        return fonts.regular().getFontDescriptor(BaseFont.DESCENT, Fonts.FOOTER_SIZE);
    }

    private static PdfPTable headerBlock(ReportHeader report, float width, Fonts fonts) {
        PdfPTable block = new PdfPTable(1);
        block.setTotalWidth(width);
        block.setLockedWidth(true);
        block.addCell(line(text(report.title()), fonts.title(), 0));
        block.addCell(line(
                "Registrant: " + text(report.registrantName()) + "    DEA number: " + text(report.deaNumber()),
                fonts.bold(),
                0));
        block.addCell(line("Address: " + text(report.registrantAddress()), fonts.body(), 0));
        block.addCell(line("Period: " + text(report.period()), fonts.body(), 0));
        for (String note : report.notes()) {
            block.addCell(line(text(note), fonts.body(), 0));
        }
        PdfPCell rule = line("", fonts.body(), Rectangle.BOTTOM);
        rule.setFixedHeight(4);
        block.addCell(rule);
        return block;
    }

    private static PdfPCell line(String text, com.lowagie.text.Font font, int border) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(border);
        cell.setPadding(0);
        cell.setPaddingBottom(2);
        return cell;
    }

    private static String text(String value) {
        return Objects.toString(value, "");
    }
}
