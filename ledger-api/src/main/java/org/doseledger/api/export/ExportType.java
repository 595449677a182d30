package org.doseledger.api.export;

import java.io.IOException;
import java.util.List;
import org.doseledger.projections.export.ReportColumn;
import org.doseledger.projections.export.ReportFooter;

/**
 * One kind of regulator export: its columns, the read models it reads (the export waits until they have
 * reached its ledger position), how many records a request will hold, and the records themselves,
 * streamed in order.
 */
interface ExportType {

    /** The stable name used in requests, file names and the manifest, e.g. {@code dispensing-record}. */
    String name();

    String title();

    List<ReportColumn> columns();

    /** Request parameters this export cannot do without, such as {@code clientId} or {@code recordId}. */
    default List<String> requiredParameters() {
        return List.of();
    }

    /**
     * Lines the header adds under the title for this export, such as "taken at the close of business";
     * read as of the query's ledger position.
     */
    default List<String> notes(ExportQuery query) {
        return List.of();
    }

    /** The pooled processors whose read models this export reads. */
    List<String> processors();

    long count(ExportQuery query);

    /** Streams every record through {@code rows}, in order, and returns the footer (totals). */
    ReportFooter write(ExportQuery query, Rows rows) throws IOException;

    /** Where an export's records go. */
    @FunctionalInterface
    interface Rows {
        void row(List<Object> cells) throws IOException;
    }
}
