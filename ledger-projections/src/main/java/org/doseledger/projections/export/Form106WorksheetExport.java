package org.doseledger.projections.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.doseledger.projections.stock.LossRecordRow;
import org.doseledger.projections.stock.StockFormsExport;
import org.doseledger.projections.stock.StockLotProjection;

/**
 * The DEA Form 106 worksheet (report of theft or loss of controlled substances, 21 CFR 1301.76(b)),
 * pre-filled from the ledger's reported losses: when each was discovered, its type, the police report, the
 * items by NDC and quantity with their milligrams, the number of losses in the 24 months before it, and the
 * deadlines (written notice within one business day of discovery, the form within 45 days). With {@code
 * recordId} it is the one loss of that id, whatever the period; without, every loss discovered in the period.
 */
public class Form106WorksheetExport implements ExportType {

    public static final String NAME = "form-106-worksheet";

    private static final List<ReportColumn> COLUMNS = StockFormColumns.withLedgerTrailer(
            List.of(
                    new ReportColumn("discoveredAt", "Discovered", 2),
                    new ReportColumn("lostOn", "Date of loss", 1),
                    new ReportColumn("county", "County", 1),
                    new ReportColumn("lossType", "Type of loss", 1),
                    new ReportColumn("ndc", "NDC", 2),
                    new ReportColumn("finishedForm", "Finished form", 3),
                    new ReportColumn("lotNumber", "Lot", 1),
                    new ReportColumn("quantity", "Quantity", 1).withUnitFrom("unit"),
                    new ReportColumn("unit", "Unit", 1).unprinted(),
                    new ReportColumn("milligrams", "mg", 1).inUnit("mg"),
                    new ReportColumn("policeAgency", "Police agency", 2),
                    new ReportColumn("policeReportNumber", "Police report", 1),
                    new ReportColumn("policePhone", "Police phone", 1),
                    new ReportColumn("estimatedValueUsd", "Value (USD)", 1),
                    new ReportColumn("carrier", "Carrier (in transit)", 2),
                    new ReportColumn("description", "Description", 3),
                    new ReportColumn("reportedBy", "Reported by", 2),
                    new ReportColumn("noticeDueOn", "DEA notice due", 1),
                    new ReportColumn("form106DueOn", "Form 106 due", 1),
                    new ReportColumn("lossesInPrior24Months", "Losses in prior 24 months", 1)),
            "lossId",
            "Loss");

    private final StockFormsExport records;

    public Form106WorksheetExport(DataSource dataSource) {
        this.records = new StockFormsExport(dataSource);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DEA Form 106 worksheet: theft or loss of controlled substances";
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
        List<String> notes = new ArrayList<>();
        notes.add(
                query.recordId() == null
                        ? "Every theft or loss discovered in the period"
                        : "Loss " + query.recordId() + " (whatever the period)");
        notes.add("21 CFR 1301.76(b): written notice to the DEA Field Division within one business day of"
                + " discovery, DEA Form 106 within 45 days (business days skip weekends, not public holidays)");
        notes.add(records.registrantContact(query.practiceId().value()));
        LocalDate[] earliest = {null, null};
        records.losses(InventorySheetExport.filter(query), row -> {
            earliest[0] = earlier(earliest[0], row.noticeDueOn());
            earliest[1] = earlier(earliest[1], row.form106DueOn());
        });
        if (earliest[0] != null) {
            notes.add("Earliest deadlines here: notice by " + earliest[0] + ", Form 106 by " + earliest[1]);
        }
        return notes;
    }

    private static LocalDate earlier(LocalDate current, LocalDate candidate) {
        return candidate == null || (current != null && current.isBefore(candidate)) ? current : candidate;
    }

    @Override
    public long count(ExportQuery query) {
        return records.countLosses(InventorySheetExport.filter(query));
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        Map<String, BigDecimal> milligrams = new TreeMap<>();
        Map<String, long[]> types = new TreeMap<>();
        try {
            records.losses(InventorySheetExport.filter(query), row -> {
                types.computeIfAbsent(row.lossType(), type -> new long[1])[0]++;
                if (row.milligrams() != null) {
                    milligrams.merge(row.ndc(), row.milligrams(), BigDecimal::add);
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
        totals.add("Losses: "
                + types.values().stream().mapToLong(count -> count[0]).sum());
        types.forEach((type, count) -> totals.add(type + ": " + count[0]));
        milligrams.forEach((ndc, mg) -> totals.add("NDC " + ndc + " lost mg: " + mg.toPlainString()));
        return new ReportFooter(
                totals,
                new SignatureBlock(
                        "I, the registrant or a person authorized to sign for the registrant, certify that the"
                                + " information above is true and correct to the best of my knowledge (DEA Form 106)",
                        1));
    }

    private static List<Object> cells(LossRecordRow row) {
        return Arrays.asList(
                row.discoveredAt(),
                row.lostOn(),
                row.county(),
                row.lossType(),
                row.ndc(),
                row.finishedForm(),
                row.lotNumber(),
                row.quantity(),
                row.unit(),
                row.milligrams(),
                row.policeAgency(),
                row.policeReportNumber(),
                row.policePhone(),
                row.estimatedValueUsd(),
                row.carrier(),
                row.description(),
                row.reportedBy(),
                row.noticeDueOn(),
                row.form106DueOn(),
                row.lossesInPrior24Months(),
                row.locationId(),
                row.locationName(),
                row.lateEntry(),
                row.lateEntryReason(),
                row.lateEntryCosignedBy(),
                row.correctedQuantity(),
                row.correctionReason(),
                row.lossId(),
                row.eventId(),
                row.ledgerPosition());
    }
}
