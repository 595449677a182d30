package org.doseledger.projections.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.stock.StockRecordsExport;

/**
 * What one export reads: a practice, the days {@code from} to {@code to} (both inclusive, in the practice's
 * zone), optionally one location, the client or record the export is about (for the types that need one),
 * and the ledger position {@code upTo}: events after it are not in the export.
 */
public record ExportQuery(
        PracticeId practiceId,
        LocalDate from,
        LocalDate to,
        String locationId,
        String clientId,
        String recordId,
        ZoneId zone,
        long upTo) {

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    StockRecordsExport.Filter stockFilter() {
        return new StockRecordsExport.Filter(practiceId, start(), end(), locationId, upTo);
    }
}
