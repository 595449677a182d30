package org.doseledger.projections.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.doseledger.core.shared.CsvText;

/**
 * A report as CSV (RFC 4180): UTF-8 without a byte-order mark, CRLF line ends, one header row of the
 * column keys, one row per record. A field is quoted when it holds a comma, a double quote, CR or LF (or
 * starts or ends with a space), quotes doubled inside. Times are ISO 8601 with the offset of the report's
 * zone ({@code 2026-03-02T09:15:00-06:00}), decimals plain ({@code 12.50}), booleans {@code true}/{@code
 * false}, null empty. The header and footer of the report are not in the CSV (a CSV has one table); they
 * are in the JSON and the PDF of the same bundle.
 *
 * <p>Text that a spreadsheet would run as a formula gets a leading quote ({@link CsvText}, the policy of
 * every CSV of the service); numbers are written as they are. The JSON beside it keeps the exact text, and the
 * offline verifier expects each CSV cell to be its JSON value written so (docs/exports.md).
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
            Object cell = cells.get(i);
            field(cell instanceof String text ? CsvText.guarded(text) : CellText.of(cell, zone));
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
        out.write(CsvText.field(value));
    }
}
