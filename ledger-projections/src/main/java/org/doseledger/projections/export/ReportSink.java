package org.doseledger.projections.export;

import java.io.IOException;
import java.util.List;

/**
 * Where an export writes its rows: CSV, JSON or PDF. A report is written in one pass and streamed, so
 * memory does not grow with its size: {@link #begin} once, {@link #row} per record, {@link #end} once.
 * A sink writes to an output stream it does not close.
 *
 * <p>Cells are typed: {@code String}, {@code java.math.BigDecimal}, {@code Long}/{@code Integer},
 * {@code Boolean}, {@code java.time.Instant} (an instant, shown with the report's offset),
 * {@code java.time.OffsetDateTime}, {@code java.time.LocalDate}, or null (empty). Each sink formats them
 * its way: CSV and PDF as text (ISO 8601 with offset for times, plain decimals), JSON as typed values.
 */
public interface ReportSink {

    void begin(ReportHeader header, List<ReportColumn> columns) throws IOException;

    /** One record, cells in the order of the columns given to {@link #begin}. */
    void row(List<Object> cells) throws IOException;

    /** Writes the footer and flushes; the sink takes no more rows. Returns the number of rows written. */
    long end(ReportFooter footer) throws IOException;
}
