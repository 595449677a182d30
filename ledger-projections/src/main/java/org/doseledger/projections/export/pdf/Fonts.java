package org.doseledger.projections.export.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;

/**
 * The report's fonts: the PDF standard Helvetica, not embedded, so the file stays small and every reader
 * has it. It covers Western European text (WinAnsi); other characters are not printed.
 */
record Fonts(BaseFont regular, Font title, Font bold, Font body, Font footer) {

    static final float BODY_SIZE = 8;
    static final float FOOTER_SIZE = 7.5f;

    static Fonts standard() throws IOException {
        BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        return new Fonts(
                regular,
                new Font(bold, 11),
                new Font(bold, BODY_SIZE),
                new Font(regular, BODY_SIZE),
                new Font(regular, FOOTER_SIZE));
    }
}
