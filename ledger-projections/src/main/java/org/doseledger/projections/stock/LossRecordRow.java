package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One theft or loss as DEA Form 106 asks it: when it was discovered, its type, the police report, the
 * items by NDC and quantity, the DEA deadlines, and how many losses the registrant reported in the 24
 * months before it.
 * The Form 106 details ({@code lostOn}, county, value, carrier) and the police phone are null for losses
 * reported without them. A late entry shows its reason and co-signer.
 * A correction of the entry (the ledger never changes it) shows as the corrected quantity and its reason.
 */
public record LossRecordRow(
        long ledgerPosition,
        String eventId,
        String lossId,
        Instant discoveredAt,
        String lossType,
        String ndc,
        String finishedForm,
        String lotNumber,
        BigDecimal quantity,
        String unit,
        BigDecimal milligrams,
        String policeAgency,
        String policeReportNumber,
        String policePhone,
        java.time.LocalDate lostOn,
        String county,
        String estimatedValueUsd,
        String carrier,
        String description,
        String reportedBy,
        LocalDate noticeDueOn,
        LocalDate form106DueOn,
        long lossesInPrior24Months,
        String locationId,
        String locationName,
        boolean lateEntry,
        String lateEntryReason,
        String lateEntryCosignedBy,
        BigDecimal correctedQuantity,
        String correctionReason) {}
