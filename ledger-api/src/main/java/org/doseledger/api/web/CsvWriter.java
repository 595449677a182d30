package org.doseledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;
import org.doseledger.core.shared.CsvText;

/**
 * Writes RFC 4180 CSV: UTF-8, CRLF line ends, fields written as {@link CsvText} writes every CSV field of the
 * service (quoted when they need it; text a spreadsheet would run as a formula with a leading quote; numbers
 * never altered). Times are written as ISO 8601 (their {@code toString}), decimals in plain notation,
 * collections joined by a space.
 */
public final class CsvWriter {

    public static final String MEDIA_TYPE = "text/csv";

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer on the response body, with the CSV content type and a download file name. */
    public static CsvWriter of(HttpServletResponse response, String filename) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8;header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new CsvWriter(
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
    }

    public static CsvWriter of(Writer out) {
        return new CsvWriter(out);
    }

    public void row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : value.toString();
        return CsvText.field(CsvText.guarded(text));
    }
}
