package org.doseledger.projections.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.doseledger.projections.stock.DestructionRecordRow;
import org.doseledger.projections.stock.StockFormsExport;
import org.doseledger.projections.stock.StockLotProjection;

/**
 * The DEA Form 41 worksheet (registrant record of controlled substances destroyed), pre-filled from the
 * ledger's destructions: per destruction the NDC, substance, strength, form, package quantity, full
 * packages, partial count and total; date, method and place; who destroyed it and the two witnesses,
 * who sign it. With {@code recordId} it is the one destruction of that id, whatever the period; without,
 * every destruction in the period.
 */
public class Form41WorksheetExport implements ExportType {

    public static final String NAME = "form-41-worksheet";

    private static final List<ReportColumn> COLUMNS = StockFormColumns.withLedgerTrailer(
            List.of(
                    new ReportColumn("destroyedAt", "Destroyed", 2),
                    new ReportColumn("ndc", "NDC", 2),
                    new ReportColumn("product", "Product", 2).unprinted(),
                    new ReportColumn("substance", "Substance", 1),
                    new ReportColumn("strength", "Strength", 1),
                    new ReportColumn("finishedForm", "Form", 3),
                    new ReportColumn("packageQuantity", "Package quantity", 1).withUnitFrom("unit"),
                    new ReportColumn("unit", "Unit", 1).unprinted(),
                    new ReportColumn("fullPackages", "Full packages", 1),
                    new ReportColumn("partialCount", "Partial count", 1).withUnitFrom("unit"),
                    new ReportColumn("quantity", "Total", 1).withUnitFrom("unit"),
                    new ReportColumn("milligrams", "mg", 1).inUnit("mg"),
                    new ReportColumn("lotNumber", "Lot", 1),
                    new ReportColumn("method", "Method", 2),
                    new ReportColumn("place", "Place", 2),
                    new ReportColumn("destroyedBy", "Destroyed by", 2),
                    new ReportColumn("firstWitness", "Witness 1", 2),
                    new ReportColumn("secondWitness", "Witness 2", 2)),
            "destructionId",
            "Destruction");

    private final StockFormsExport records;

    public Form41WorksheetExport(DataSource dataSource) {
        this.records = new StockFormsExport(dataSource);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DEA Form 41 worksheet: controlled substances destroyed";
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
    public List<String> notes(ExportQuery query) {
        return List.of(
                query.recordId() == null
                        ? "Every destruction in the period"
                        : "Destruction " + query.recordId() + " (whatever the period)",
                "Pre-filled from the ledger for DEA Form 41; the registrant files the form with DEA",
                records.registrantContact(query.practiceId().value()));
    }

    @Override
    public long count(ExportQuery query) {
        return records.countDestructions(InventorySheetExport.filter(query));
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        Map<String, BigDecimal> milligrams = new TreeMap<>();
        long[] count = {0};
        try {
            records.destructions(InventorySheetExport.filter(query), row -> {
                count[0]++;
                if (row.milligrams() != null) {
                    milligrams.merge(
                            row.substance() == null ? "unknown substance" : row.substance(),
                            row.milligrams(),
                            BigDecimal::add);
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
        List<String> totals = new ArrayList<>();
        totals.add("Destructions: " + count[0]);
        milligrams.forEach((substance, mg) -> totals.add(substance + " destroyed mg: " + mg.toPlainString()));
        return new ReportFooter(
                totals,
                new SignatureBlock(
                        "I witnessed the destruction of the controlled substances listed above on the date, at the"
                                + " place and by the method stated, and attest that they were rendered"
                                + " non-retrievable (DEA Form 41)",
                        2));
    }

    private static List<Object> cells(DestructionRecordRow row) {
        return Arrays.asList(
                row.destroyedAt(),
                row.ndc(),
                row.productName(),
                row.substance(),
                row.strength(),
                row.finishedForm(),
                row.packageQuantity(),
                row.unit(),
                row.fullPackages(),
                row.partialCount(),
                row.quantity(),
                row.milligrams(),
                row.lotNumber(),
                row.method(),
                row.place(),
                row.destroyedBy(),
                row.firstWitness(),
                row.secondWitness(),
                row.locationId(),
                row.locationName(),
                row.lateEntry(),
                row.lateEntryReason(),
                row.lateEntryCosignedBy(),
                row.correctedQuantity(),
                row.correctionReason(),
                row.destructionId(),
                row.eventId(),
                row.ledgerPosition());
    }
}
