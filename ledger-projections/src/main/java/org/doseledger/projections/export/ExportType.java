package org.doseledger.projections.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One kind of regulator export: its columns, the read models it reads (the export waits until they have
 * reached its ledger position), how many records a request will hold, and the records themselves,
 * streamed in order.
 */
public interface ExportType {

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

    /**
     * Files this type writes besides its report formats, by name in the bundle (e.g. the PDMP file
     * {@code pdmp-asap.txt}); they are hashed into the manifest like the others. None by default.
     */
    default List<String> extraFiles() {
        return List.of();
    }

    /**
     * Streams the records through {@code rows} and the {@link #extraFiles()} to their streams ({@code files}
     * has one per name; the bundle closes them), in the same pass. Types without extra files need not
     * override it.
     */
    default ReportFooter write(ExportQuery query, Rows rows, Map<String, OutputStream> files) throws IOException {
        return write(query, rows);
    }

    /**
     * Whether the bundle carries, besides the events its records name, every event of their streams up to
     * the export's position, so that the verifier can rebuild the records those streams hold in the period
     * and find a record left out. A type says yes only when the verifier knows how to rebuild its records.
     */
    default boolean provesWholeStreams() {
        return false;
    }

    /**
     * The records of a PDMP file, listed in the ledger with its generation so that the next file reports
     * only what changed since a submitted one; null for every other type.
     */
    default List<org.doseledger.core.export.api.PdmpFileRecord> fileRecords(ExportQuery query) {
        return null;
    }

    /** Where an export's records go. */
    @FunctionalInterface
    interface Rows {
        void row(List<Object> cells) throws IOException;
    }
}
