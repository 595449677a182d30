package org.doseledger.projections.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.doseledger.projections.export.pdf.PdfReportSink;

/** One file of a bundle: {@code <type>.<extension>}, written by its sink. */
public record ReportFormat(String extension, SinkFactory factory) {

    @FunctionalInterface
    public interface SinkFactory {
        ReportSink open(OutputStream out) throws IOException;
    }

    /** The files of every bundle, in the order they are listed: CSV and PDF for people, JSON for machines. */
    public static List<ReportFormat> all() {
        return List.of(
                new ReportFormat("csv", CsvReportSink::new),
                new ReportFormat("json", JsonReportSink::new),
                new ReportFormat("pdf", PdfReportSink::new));
    }
}
