package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One destruction of stock as DEA Form 41 lists it: NDC, substance, strength, form, package quantity, full
 * packages, partial count and total; date, method and place; who destroyed it and the two witnesses.
 * A correction of the entry (the ledger never changes it) shows as the corrected quantity and its reason.
 */
public record DestructionRecordRow(
        long ledgerPosition,
        String eventId,
        String destructionId,
        Instant destroyedAt,
        String ndc,
        String productName,
        String substance,
        String strength,
        String finishedForm,
        BigDecimal packageQuantity,
        String unit,
        int fullPackages,
        BigDecimal partialCount,
        BigDecimal quantity,
        BigDecimal milligrams,
        String lotNumber,
        String method,
        String place,
        String destroyedBy,
        String firstWitness,
        String secondWitness,
        String locationId,
        String locationName,
        boolean lateEntry,
        String lateEntryReason,
        String lateEntryCosignedBy,
        BigDecimal correctedQuantity,
        String correctionReason) {}
