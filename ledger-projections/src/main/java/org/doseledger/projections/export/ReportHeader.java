package org.doseledger.projections.export;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a report is and whose: printed at the top of every PDF page, kept at the top of the JSON, and
 * named in the bundle's manifest.
 *
 * @param exportType stable name of the export, e.g. {@code dispensing-record}
 * @param title the report's title for people, e.g. "Dispensing and administration record (21 CFR 1304.22(c))"
 * @param registrantName the DEA registrant (the practice) as registered
 * @param registrantAddress its registered address on one line
 * @param deaNumber its DEA registration number
 * @param period the period or point in time covered, for people, e.g. "2026-01-01 to 2026-06-30 (America/Chicago)"
 * @param generatedAt when the export was generated (server clock)
 * @param generatedBy the credential that asked for it
 * @param zone the practice's time zone: every time in the report is shown with its offset there
 * @param notes further lines under the title (location, filters, "opening of business"), possibly empty
 */
public record ReportHeader(
        String exportType,
        String title,
        String registrantName,
        String registrantAddress,
        String deaNumber,
        String period,
        Instant generatedAt,
        String generatedBy,
        ZoneId zone,
        List<String> notes) {

    public ReportHeader {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
