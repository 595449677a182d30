package org.doseledger.projections.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * A report as CSV (RFC 4180): UTF-8 without a byte-order mark, CRLF line ends, one header row of the
 * column keys, one row per record. A field is quoted when it holds a comma, a double quote, CR or LF (or
 * starts or ends with a space), quotes doubled inside. Times are ISO 8601 with the offset of the report's
 * zone ({@code 2026-03-02T09:15:00-06:00}), decimals plain ({@code 12.50}), booleans {@code true}/{@code
 * false}, null empty. The header and footer of the report are not in the CSV (a CSV has one table); they
 * are in the JSON and the PDF of the same bundle.
 *
 * <p>Values are written as recorded, with no guard against spreadsheet formulas: prefixing cells that
 * start with {@code = + - @} would change negative numbers and the practice's own text, and the CSV must
 * carry exactly the values of the JSON beside it. Whoever opens it in a spreadsheet should import the
 * columns as text (docs/exports.md).
 */
public final class CsvReportSink implements ReportSink {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private ZoneId zone;
    private int width;
    private long rows;

    public CsvReportSink(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void begin(ReportHeader header, List<ReportColumn> columns) throws IOException {
        zone = header.zone();
        width = columns.size();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(columns.get(i).key());
        }
        out.write(CRLF);
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (cells.size() != width) {
            throw new IllegalArgumentException(
                    "a row of " + cells.size() + " cells in a report of " + width + " columns");
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(CellText.of(cells.get(i), zone));
        }
        out.write(CRLF);
        rows++;
    }

    @Override
    public long end(ReportFooter footer) throws IOException {
        out.flush();
        return rows;
    }

    private void field(String value) throws IOException {
        if (needsQuotes(value)) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
