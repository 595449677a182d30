package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the dispensing and administration record (21 CFR 1304.22(c)): a dose administered or
 * dispensed, or a correction of one ({@code entryType} CORRECTION, {@code correctsEventId} naming it,
 * {@code quantity} the corrected quantity or null when the entry was struck, {@code milligrams} what the
 * corrected entry holds, 0 when struck; {@code corrected...} the entry as first recorded). Names of products,
 * locations and practitioners are as registered; the client is named by id (the export opens the
 * sealed name and address). {@code sealedCorrectionReason} and {@code lateEntrySealedReason} are the JSON of
 * the sealed items that hold those reasons when the entry is about a client (then the plaintext columns are
 * null); {@link #withReasons} gives the row with them opened.
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
        BigDecimal correctedOriginalMilligrams,
        String sealedCorrectionReason,
        String lateEntrySealedReason) {

    /**
     * The row as a reader sees it: the correction's and the late entry's reasons opened from their sealed
     * items (free text about the client, sealed under the client's data key; null once it is shredded).
     */
    public DoseRecordRow withReasons(String correctionReason, String lateEntryReason) {
        return new DoseRecordRow(
                ledgerPosition,
                eventId,
                entryType,
                occurredAt,
                recordedAt,
                substance,
                finishedForm,
                productName,
                ndc,
                lotNumber,
                quantity,
                unit,
                milligrams,
                route,
                clientId,
                practitionerId,
                practitionerName,
                prescribedBy,
                locationId,
                locationName,
                sessionId,
                entryId,
                lateEntry,
                correctsEventId,
                correctionReason,
                prescriberName,
                lateEntryReason,
                lateEntryCosignedBy,
                correctedMovement,
                correctedOccurredAt,
                correctedOriginalQuantity,
                correctedOriginalMilligrams,
                null,
                null);
    }

    /** For a correction: the milligrams it adds to (positive) or takes from (negative) the entry it corrects. */
    public BigDecimal milligramsChange() {
        if (correctsEventId == null || milligrams == null || correctedOriginalMilligrams == null) {
            return null;
        }
        return milligrams.subtract(correctedOriginalMilligrams);
    }
}
