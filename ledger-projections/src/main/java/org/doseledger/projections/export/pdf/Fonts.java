package org.doseledger.projections.export.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report's fonts: Liberation Sans (SIL Open Font License, LiberationSans-LICENSE.txt beside it),
 * embedded as a subset with Unicode encoding, so a name such as "Łukasiewicz" prints with every letter on
 * every reader and the text extracts as written. Headings are the same face, drawn bold.
 */
record Fonts(BaseFont regular, Font title, Font bold, Font body, Font footer) {

    static final float BODY_SIZE = 8;
    static final float FOOTER_SIZE = 7.5f;
    static final String FACE = "LiberationSans-Regular.ttf";

    private static final byte[] FACE_BYTES = load();

    private static byte[] load() {
        try (InputStream in = Fonts.class.getResourceAsStream(FACE)) {
            if (in == null) {
                throw new IllegalStateException("The report font " + FACE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fonts standard() throws IOException {
        BaseFont regular = BaseFont.createFont(FACE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, FACE_BYTES, null);
        return new Fonts(
                regular,
                new Font(regular, 11, Font.BOLD),
                new Font(regular, BODY_SIZE, Font.BOLD),
                new Font(regular, BODY_SIZE),
                new Font(regular, FOOTER_SIZE));
    }
}
