package org.doseledger.projections.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.doseledger.projections.stock.ReceiptRecordRow;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.stock.StockRecordsExport;

/**
 * The receipts log (21 CFR 1304.22(c)): every receipt of stock in the period with the supplier's name,
 * address and DEA number, invoice, date, product (NDC, name, finished form), containers and their size,
 * lot and expiry.
 */
public class ReceiptsLogExport implements ExportType {

    public static final String NAME = "receipts-log";

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("receivedAt", "Received", 2),
            new ReportColumn("recordedAt", "Recorded", 2).unprinted(),
            new ReportColumn("supplierName", "Supplier", 2),
            new ReportColumn("supplierAddress", "Supplier address", 3),
            new ReportColumn("supplierDeaNumber", "Supplier DEA", 1),
            new ReportColumn("invoiceNumber", "Invoice", 1),
            new ReportColumn("ndc", "NDC", 2),
            new ReportColumn("product", "Product", 2),
            new ReportColumn("substance", "Substance", 1).unprinted(),
            new ReportColumn("finishedForm", "Finished form", 3),
            new ReportColumn("containers", "Containers", 1),
            new ReportColumn("containerSize", "Container size", 1).withUnitFrom("unit"),
            new ReportColumn("unit", "Unit", 1).unprinted(),
            new ReportColumn("quantity", "Quantity", 1).withUnitFrom("unit"),
            new ReportColumn("milligrams", "mg", 1).inUnit("mg"),
            new ReportColumn("lotNumber", "Lot", 1),
            new ReportColumn("expiresOn", "Expires", 1),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("locationName", "Location", 2),
            new ReportColumn("receivedBy", "Received by (id)", 1).unprinted(),
            new ReportColumn("lateEntry", "Late entry", 1).unprinted(),
            new ReportColumn("receiptId", "Receipt", 2).unprinted(),
            new ReportColumn("eventId", "Event", 2).unprinted(),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted(),
            new ReportColumn("receivedByName", "Received by", 2),
            new ReportColumn("lateEntryReason", "Late-entry reason", 2),
            new ReportColumn("lateEntryCosignedBy", "Late entry co-signed by", 2));

    private final StockRecordsExport records;

    public ReceiptsLogExport(StockRecordsExport records) {
        this.records = records;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Receipts log (21 CFR 1304.22(c))";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        return List.of(StockLotProjection.PROCESSING_GROUP);
    }

    @Override
    public long count(ExportQuery query) {
        return records.countReceipts(query.stockFilter());
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        long[] count = {0};
        long[] containers = {0};
        BigDecimal[] milligrams = {BigDecimal.ZERO};
        try {
            records.receipts(query.stockFilter(), row -> {
                count[0]++;
                containers[0] += row.containers();
                if (row.milligrams() != null) {
                    milligrams[0] = milligrams[0].add(row.milligrams());
                }
                try {
                    rows.row(cells(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ReportFooter(
                List.of(
                        "Receipts: " + count[0],
                        "Containers: " + containers[0],
                        "Milligrams received: " + milligrams[0].toPlainString()),
                null);
    }

    private static List<Object> cells(ReceiptRecordRow row) {
        return Arrays.asList(
                row.occurredAt(),
                row.recordedAt(),
                row.supplierName(),
                row.supplierAddress(),
                row.supplierDeaNumber(),
                row.invoiceNumber(),
                row.ndc(),
                row.productName(),
                row.substance(),
                row.finishedForm(),
                row.containers(),
                row.containerSize(),
                row.unit(),
                row.quantity(),
                row.milligrams(),
                row.lotNumber(),
                row.expiresOn(),
                row.locationId(),
                row.locationName(),
                row.receivedBy(),
                row.lateEntry(),
                row.receiptId(),
                row.eventId(),
                row.ledgerPosition(),
                row.receivedByName() != null ? row.receivedByName() : row.receivedBy(),
                row.lateEntryReason(),
                row.lateEntryCosignedBy());
    }
}
