package org.doseledger.projections.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.stock.DoseRecordRow;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.stock.StockRecordsExport;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispensing and administration record of 21 CFR 1304.22(c): every dose administered or dispensed in
 * the period (and every correction of one, beside the entry it corrects), with substance and finished
 * form, quantity and milligrams, date and time, the client's name and address, who administered or
 * dispensed it, route, lot, location and session.
 */
public class DispensingRecordExport implements ExportType {

    public static final String NAME = "dispensing-record";

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("entryType", "Entry", 2),
            new ReportColumn("occurredAt", "Date and time", 2),
            new ReportColumn("recordedAt", "Recorded", 2).unprinted(),
            new ReportColumn("substance", "Substance", 1).unprinted(),
            new ReportColumn("finishedForm", "Finished form", 3),
            new ReportColumn("product", "Product", 2).unprinted(),
            new ReportColumn("ndc", "NDC", 2),
            new ReportColumn("lotNumber", "Lot", 1),
            new ReportColumn("quantity", "Quantity", 1).withUnitFrom("unit"),
            new ReportColumn("unit", "Unit", 1).unprinted(),
            new ReportColumn("milligrams", "mg", 1).inUnit("mg"),
            new ReportColumn("route", "Route", 2),
            new ReportColumn("clientId", "Client id", 1).unprinted(),
            new ReportColumn("clientName", "Client", 2),
            new ReportColumn("clientAddress", "Client address", 3),
            new ReportColumn("personalData", "Personal data", 1).unprinted(),
            new ReportColumn("practitionerId", "By (id)", 1).unprinted(),
            new ReportColumn("practitionerName", "Administered or dispensed by", 2),
            new ReportColumn("prescribedBy", "Prescriber (id)", 1).unprinted(),
            new ReportColumn("locationId", "Location id", 1).unprinted(),
            new ReportColumn("locationName", "Location", 2),
            new ReportColumn("sessionId", "Session", 1).unprinted(),
            new ReportColumn("entryId", "Draw or dispensation", 1).unprinted(),
            new ReportColumn("lateEntry", "Late entry", 1).unprinted(),
            new ReportColumn("eventId", "Event", 2).unprinted(),
            new ReportColumn("correctsEventId", "Corrects event", 2).unprinted(),
            new ReportColumn("correctionReason", "Correction reason", 2),
            new ReportColumn("ledgerPosition", "Ledger position", 1).unprinted(),
            new ReportColumn("prescriberName", "Prescriber", 2),
            new ReportColumn("lateEntryReason", "Late-entry reason", 2),
            new ReportColumn("lateEntryCosignedBy", "Late entry co-signed by", 2),
            new ReportColumn("correctsEntry", "Corrects", 3),
            new ReportColumn("milligramsChange", "mg change", 1).unprinted());

    private final StockRecordsExport records;
    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    public DispensingRecordExport(StockRecordsExport records, JdbcTemplate jdbc, ClientDataKeys keys) {
        this.records = records;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Dispensing and administration record (21 CFR 1304.22(c))";
    }

    @Override
    public List<ReportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> processors() {
        return List.of(StockLotProjection.PROCESSING_GROUP, ClientTimelineProjection.PROCESSING_GROUP);
    }

    @Override
    public boolean provesWholeStreams() {
        return true;
    }

    @Override
    public long count(ExportQuery query) {
        return records.countDoses(query.stockFilter());
    }

    @Override
    public ReportFooter write(ExportQuery query, Rows rows) throws IOException {
        ClientIdentities clients = new ClientIdentities(jdbc, keys, json, query.practiceId(), query.upTo());
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> recorded = new TreeMap<>();
        Map<String, BigDecimal> corrected = new TreeMap<>();
        try {
            records.doses(query.stockFilter(), stored -> {
                DoseRecordRow row = opened(stored, clients);
                ClientIdentities.Identity client = clients.of(row.clientId());
                counts.computeIfAbsent(row.entryType(), type -> new long[1])[0]++;
                if (row.entryType().equals("CORRECTION")) {
                    if (row.milligramsChange() != null && row.correctedMovement() != null) {
                        corrected.merge(
                                row.correctedMovement() + " " + row.substance(),
                                row.milligramsChange(),
                                BigDecimal::add);
                    }
                } else if (row.milligrams() != null) {
                    recorded.merge(row.entryType() + " " + row.substance(), row.milligrams(), BigDecimal::add);
                }
                try {
                    rows.row(cells(row, client, query.zone()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> totals = new ArrayList<>();
        counts.forEach((type, count) -> totals.add(type + ": " + count[0]));
        java.util.Set<String> keys = new java.util.TreeSet<>(recorded.keySet());
        keys.addAll(corrected.keySet());
        for (String key : keys) {
            BigDecimal first = recorded.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal change = corrected.get(key);
            totals.add(
                    change == null
                            ? key + " mg: " + first.toPlainString()
                            : key + " mg: " + first.add(change).toPlainString() + " after corrections ("
                                    + first.toPlainString() + " as first recorded, " + signed(change)
                                    + " by corrections)");
        }
        return new ReportFooter(totals, null);
    }

    private static String signed(BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }

    /** The entry a correction corrects, as people name it: what it was, when, how much. */
    static String correctedEntry(DoseRecordRow row, java.time.ZoneId zone) {
        if (row.correctsEventId() == null) {
            return null;
        }
        if (row.correctedMovement() == null) {
            return "event " + row.correctsEventId();
        }
        StringBuilder text = new StringBuilder(row.correctedMovement())
                .append(" of ")
                .append(org.doseledger.projections.export.CellText.printed(row.correctedOccurredAt(), zone));
        if (row.entryId() != null) {
            text.append(row.correctedMovement().equals("DISPENSED") ? ", dispensation " : ", draw ")
                    .append(row.entryId());
        }
        if (row.correctedOriginalQuantity() != null) {
            text.append(": ")
                    .append(org.doseledger.projections.export.QuantityText.of(
                            row.correctedOriginalQuantity(), row.unit()));
        }
        if (row.correctedOriginalMilligrams() != null) {
            text.append(", ")
                    .append(row.correctedOriginalMilligrams().toPlainString())
                    .append(" mg");
        }
        return text.toString();
    }

    /** The row with its reasons about the client opened from their sealed items (null once shredded). */
    private DoseRecordRow opened(DoseRecordRow row, ClientIdentities clients) {
        if (row.sealedCorrectionReason() == null && row.lateEntrySealedReason() == null) {
            return row;
        }
        return row.withReasons(
                row.sealedCorrectionReason() == null
                        ? row.correctionReason()
                        : clients.freeText(row.clientId(), "sealedReason", tree(row.sealedCorrectionReason())),
                row.lateEntrySealedReason() == null
                        ? row.lateEntryReason()
                        : clients.freeText(row.clientId(), "sealedReason", tree(row.lateEntrySealedReason())));
    }

    private JsonNode tree(String sealedItem) {
        try {
            return json.readTree(sealedItem);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> cells(DoseRecordRow row, ClientIdentities.Identity client, java.time.ZoneId zone) {
        return Arrays.asList(
                row.entryType(),
                row.occurredAt(),
                row.recordedAt(),
                row.substance(),
                row.finishedForm(),
                row.productName(),
                row.ndc(),
                row.lotNumber(),
                row.quantity(),
                row.unit(),
                row.milligrams(),
                row.route(),
                row.clientId(),
                client.name(),
                client.address(),
                client.personalData(),
                row.practitionerId(),
                row.practitionerName(),
                row.prescribedBy(),
                row.locationId(),
                row.locationName(),
                row.sessionId(),
                row.entryId(),
                row.lateEntry(),
                row.eventId(),
                row.correctsEventId(),
                row.correctionReason(),
                row.ledgerPosition(),
                row.prescriberName() != null ? row.prescriberName() : row.prescribedBy(),
                row.lateEntryReason(),
                row.lateEntryCosignedBy(),
                correctedEntry(row, zone),
                row.milligramsChange());
    }
}
