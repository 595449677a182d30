package org.doseledger.projections.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns the DEA form worksheets (Form 41, Form 106) end with: where the stock was, whether the
 * entry was late (with its reason and co-signer), its correction, and the ids that lead back to the record and its event in the ledger.
 */
public final class StockFormColumns {

    private StockFormColumns() {}

    /** The form's own columns, then the shared ones, with the record's id under {@code idKey}. */
    static List<ReportColumn> withLedgerTrailer(List<ReportColumn> formColumns, String idKey, String idLabel) {
        List<ReportColumn> columns = new ArrayList<>(formColumns);
        columns.addAll(List.of(
                new ReportColumn("locationId", "Location id", 1).unprinted(),
                new ReportColumn("locationName", "Location", 2).unprinted(),
                new ReportColumn("lateEntry", "Late entry", 1).unprinted(),
                new ReportColumn("lateEntryReason", "Late entry reason", 2),
                new ReportColumn("lateEntryCosignedBy", "Late entry co-signed by", 2),
                new ReportColumn("correctedQuantity", "Corrected to", 1).withUnitFrom("unit"),
                new ReportColumn("correctionReason", "Correction reason", 2),
                new ReportColumn(idKey, idLabel, 2).unprinted(),
                new ReportColumn("eventId", "Event", 2).unprinted(),
                new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted()));
        return List.copyOf(columns);
    }
}
