package org.doseledger.projections.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.doseledger.projections.stock.InventoryCountRow;
import org.doseledger.projections.stock.StockFormsExport;
import org.doseledger.projections.stock.StockLotProjection;

/**
 * The initial or biennial inventory sheet (21 CFR 1304.11) from a recorded count: whether it was taken at
 * the opening or the close of business, and per lot the substance, finished form, container size, full
 * containers and the opened one, exact or estimated, the total and its milligrams, expired stock awaiting
 * destruction marked; totals per substance and the registrant's signature.
 *
 * <p>A count is recorded per lot, each with its own id, so {@code recordId} names the inventory by any one
 * of its counts (the sheet holds every count of the same kind and timing taken that day) or by a count
 * kind, e.g. {@code BIENNIAL} (every count of that kind in the period).
 */
public class InventorySheetExport implements ExportType {

    public static final String NAME = "inventory-sheet";

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("countedAt", "Counted", 2),
            new ReportColumn("kind", "Inventory", 1).unprinted(),
            new ReportColumn("timing", "Opening or close", 1).unprinted(),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("locationName", "Location", 2),
            new ReportColumn("substance", "Substance", 2),
            new ReportColumn("finishedForm", "Finished form", 3),
            new ReportColumn("ndc", "NDC", 2),
            new ReportColumn("lotNumber", "Lot", 1),
            new ReportColumn("expiresOn", "Expires", 1),
            new ReportColumn("expiredAwaitingDestruction", "Expired, to destroy", 1),
            new ReportColumn("containerSize", "Container size", 1).withUnitFrom("unit"),
            new ReportColumn("unit", "Unit", 1).unprinted(),
            new ReportColumn("fullContainers", "Full containers", 1),
            new ReportColumn("partialQuantity", "Opened container", 1).withUnitFrom("unit"),
            new ReportColumn("exact", "Exact count", 1),
            new ReportColumn("quantity", "Total", 1).withUnitFrom("unit"),
            new ReportColumn("milligrams", "mg", 1).inUnit("mg"),
            new ReportColumn("expected", "Ledger expected", 1).unprinted(),
            new ReportColumn("difference", "Difference", 1).unprinted(),
            new ReportColumn("countedBy", "Counted by", 2),
            new ReportColumn("witnessedBy", "Witness", 2),
            new ReportColumn("lateEntry", "Late entry", 1).unprinted(),
            new ReportColumn("lateEntryReason", "Late entry reason", 2),
            new ReportColumn("lateEntryCosignedBy", "Late entry co-signed by", 2),
            new ReportColumn("countId", "Count", 2).unprinted(),
            new ReportColumn("eventId", "Event", 2).unprinted(),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted());

    private final StockFormsExport records;

    public InventorySheetExport(DataSource dataSource) {
        this.records = new StockFormsExport(dataSource);
    }

    static StockFormsExport.Filter filter(ExportQuery query) {
        return new StockFormsExport.Filter(
                query.practiceId(),
                query.start(),
                query.end(),
                query.locationId(),
                query.recordId(),
                query.zone(),
                query.upTo());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Inventory of controlled substances (21 CFR 1304.11)";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredParameters() {
        return List.of("recordId");
    }

    @Override
    public List<String> processors() {
        return List.of(StockLotProjection.PROCESSING_GROUP);
    }

    @Override
    public List<String> notes(ExportQuery query) {
        List<StockFormsExport.Taking> takings = records.takings(filter(query));
        Completeness completeness = completeness(query);
        List<String> notes = new ArrayList<>();
        if (takings.isEmpty()) {
            notes.add(
                    completeness.zeroInventory()
                            ? "Initial inventory of zero: no controlled substances on hand at the opening of business on "
                                    + query.from()
                            : "No count matches " + query.recordId() + " in the ledger up to this export's position");
        }
        for (StockFormsExport.Taking taking : takings) {
            notes.add(describe(taking));
        }
        if (!takings.isEmpty()) {
            notes.add("Opened containers may be estimated (Schedule III); each line says whether its count is exact");
        }
        if (!completeness.missing().isEmpty()) {
            notes.add(notCertified(completeness));
        }
        return notes;
    }

    /**
     * Whether the sheet is the whole inventory: the lots that held stock at its moment (the last count of
     * the inventory; for an initial inventory without counts, the opening of business on the period's first
     * day) and were not counted, and whether it is an initial inventory of zero.
     */
    private record Completeness(Instant at, List<StockFormsExport.LotOnHand> missing, boolean zeroInventory) {

        boolean certifiable(boolean counted) {
            return missing.isEmpty() && (counted || zeroInventory);
        }
    }

    private Completeness completeness(ExportQuery query) {
        StockFormsExport.Filter filter = filter(query);
        Instant taken = records.takenAt(filter);
        Instant at = taken != null ? taken : query.start();
        List<StockFormsExport.LotOnHand> missing = records.uncounted(filter, at);
        boolean zero = taken == null && "INITIAL".equals(query.recordId()) && missing.isEmpty();
        return new Completeness(at, missing, zero);
    }

    private static String notCertified(Completeness completeness) {
        List<String> lots = new ArrayList<>();
        for (StockFormsExport.LotOnHand lot : completeness.missing()) {
            lots.add((lot.locationName() != null ? lot.locationName() : lot.locationId()) + ": NDC " + lot.ndc()
                    + " lot " + lot.lotNumber() + " ("
                    + org.doseledger.projections.export.QuantityText.of(lot.quantity(), lot.unit()) + ")");
        }
        return "NOT CERTIFIED: " + lots.size() + (lots.size() == 1 ? " lot" : " lots")
                + " on hand at the inventory's last count and not counted: " + String.join("; ", lots);
    }

    /** "Biennial inventory taken at the close of business on 2026-03-02". */
    private static String describe(StockFormsExport.Taking taking) {
        String kind = taking.kind().charAt(0)
                + taking.kind().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return kind + " inventory taken at the " + timing(taking.timing()) + " on " + taking.day();
    }

    private static String timing(String timing) {
        return "OPENING_OF_BUSINESS".equals(timing) ? "opening of business" : "close of business";
    }

    @Override
    public long count(ExportQuery query) {
        return records.countInventory(filter(query));
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        Map<String, BigDecimal> milligrams = new TreeMap<>();
        Map<String, BigDecimal> expired = new TreeMap<>();
        long[] lines = {0};
        long[] estimated = {0};
        try {
            records.inventory(filter(query), row -> {
                lines[0]++;
                if (!row.exact()) {
                    estimated[0]++;
                }
                String substance = row.substance() == null ? "unknown substance" : row.substance();
                if (row.milligrams() != null) {
                    milligrams.merge(substance, row.milligrams(), BigDecimal::add);
                    if (row.expired()) {
                        expired.merge(substance, row.milligrams(), BigDecimal::add);
                    }
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
        totals.add("Lines: " + lines[0] + " (" + estimated[0] + " estimated)");
        milligrams.forEach((substance, mg) -> totals.add(substance + " on hand mg: " + mg.toPlainString()));
        expired.forEach(
                (substance, mg) -> totals.add(substance + " expired, awaiting destruction mg: " + mg.toPlainString()));
        List<StockFormsExport.Taking> takings = records.takings(filter(query));
        Completeness completeness = completeness(query);
        if (!completeness.certifiable(lines[0] > 0)) {
            // a "complete and accurate" certification of a sheet that leaves out stock on hand, or of an
            // empty sheet, would be false: 21 CFR 1304.11 wants every lot on hand
            totals.add(
                    completeness.missing().isEmpty()
                            ? "NOT CERTIFIED: no count of this inventory is in the ledger"
                            : notCertified(completeness));
            return new ReportFooter(totals, null);
        }
        if (lines[0] == 0) {
            totals.add("Initial inventory of zero: nothing on hand at the opening of business on " + query.from());
            return new ReportFooter(
                    totals,
                    new SignatureBlock(
                            "I certify that at the opening of business on " + query.from()
                                    + " the registrant held no controlled substances: an initial inventory of zero"
                                    + " (21 CFR 1304.11(b))",
                            1));
        }
        String taken = takings.size() == 1
                ? "was taken at the " + timing(takings.get(0).timing()) + " on "
                        + takings.get(0).day()
                : "was taken as stated above";
        return new ReportFooter(
                totals,
                new SignatureBlock(
                        "I certify that this inventory " + taken
                                + " and is a complete and accurate record of the controlled substances on hand",
                        1));
    }

    private static List<Object> cells(InventoryCountRow row) {
        return Arrays.asList(
                row.countedAt(),
                row.kind(),
                row.timing(),
                row.locationId(),
                row.locationName(),
                row.substance(),
                row.finishedForm(),
                row.ndc(),
                row.lotNumber(),
                row.expiresOn(),
                row.expired(),
                row.containerSize(),
                row.unit(),
                row.fullContainers(),
                row.partialQuantity(),
                row.exact(),
                row.quantity(),
                row.milligrams(),
                row.expected(),
                row.difference(),
                row.countedBy(),
                row.witnessedBy(),
                row.lateEntry(),
                row.lateEntryReason(),
                row.lateEntryCosignedBy(),
                row.countId(),
                row.eventId(),
                row.ledgerPosition());
    }
}
