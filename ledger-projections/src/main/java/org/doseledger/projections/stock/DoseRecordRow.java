package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the dispensing and administration record (21 CFR 1304.22(c)): a dose administered or
 * dispensed, or a correction of one ({@code entryType} CORRECTION, {@code correctsEventId} naming it,
 * {@code quantity} the corrected quantity or null when the entry was struck, {@code milligrams} what the
 * corrected entry holds, 0 when struck; {@code corrected...} the entry as first recorded). Names of products,
 * locations and practitioners are as registered; the client is named by id (the export opens the
 * sealed name and address).
 */
public record DoseRecordRow(
        long ledgerPosition,
        String eventId,
        String entryType,
        Instant occurredAt,
        Instant recordedAt,
        String substance,
        String finishedForm,
        String productName,
        String ndc,
        String lotNumber,
        BigDecimal quantity,
        String unit,
        BigDecimal milligrams,
        String route,
        String clientId,
        String practitionerId,
        String practitionerName,
        String prescribedBy,
        String locationId,
        String locationName,
        String sessionId,
        String entryId,
        boolean lateEntry,
        String correctsEventId,
        String correctionReason,
        String prescriberName,
        String lateEntryReason,
        String lateEntryCosignedBy,
        String correctedMovement,
        Instant correctedOccurredAt,
        BigDecimal correctedOriginalQuantity,
        BigDecimal correctedOriginalMilligrams) {

    /** For a correction: the milligrams it adds to (positive) or takes from (negative) the entry it corrects. */
    public BigDecimal milligramsChange() {
        if (correctsEventId == null || milligrams == null || correctedOriginalMilligrams == null) {
            return null;
        }
        return milligrams.subtract(correctedOriginalMilligrams);
    }
}
