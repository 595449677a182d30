package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One theft or loss as DEA Form 106 asks it: when it was discovered, its type, the police report, the
 * items by NDC and quantity, the DEA deadlines, and how many losses the registrant reported in the 24
 * months before it.
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
        String description,
        String reportedBy,
        LocalDate noticeDueOn,
        LocalDate form106DueOn,
        long lossesInPrior24Months,
        String locationId,
        String locationName,
        boolean lateEntry,
        BigDecimal correctedQuantity,
        String correctionReason) {}
