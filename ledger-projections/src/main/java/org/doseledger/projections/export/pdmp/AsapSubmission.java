package org.doseledger.projections.export.pdmp;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the TH and IS segments say about one file: its control number, when it was made and the period it
 * covers.
 *
 * @param controlNumber TH02, repeated in TT01; unique per file sent by this information source
 * @param createdAt TH05 and TH06, in the practice's time zone
 * @param fileType TH07
 * @param informationSourceId IS01, unless the state profile fixes it
 * @param informationSourceName IS02, unless the state profile fixes it
 * @param periodStart first day of the period covered (IS03); the DSP05 of a zero report
 * @param periodEnd last day of the period covered (IS03)
 */
public record AsapSubmission(
        String controlNumber,
        LocalDateTime createdAt,
        AsapFileType fileType,
        String informationSourceId,
        String informationSourceName,
        LocalDate periodStart,
        LocalDate periodEnd) {

    public AsapSubmission {
        Objects.requireNonNull(controlNumber, "control number");
        Objects.requireNonNull(createdAt, "creation time");
        Objects.requireNonNull(fileType, "file type");
        Objects.requireNonNull(periodStart, "period start");
        Objects.requireNonNull(periodEnd, "period end");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("period ends " + periodEnd + " before it starts " + periodStart);
        }
    }
}
