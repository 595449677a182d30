package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Correct an earlier entry of the lot: its exact inverse is applied, plus the corrected quantity when the
 * entry should have had another one (null: it should not exist). The original stays. The reason of a
 * correction of an entry about a client is sealed under the client's data key ({@code sealedReason}, then
 * {@code reason} is null).
 */
public record CorrectEntryCommand(
        StockLotRef lot,
        String correctionId,
        String correctedEventId,
        Quantity correctedQuantity,
        String reason,
        String correctedBy,
        String approvedBy,
        Instant occurredAt,
        LateEntry lateEntry,
        SealedPersonalData sealedReason) {

    public CorrectEntryCommand(
            StockLotRef lot,
            String correctionId,
            String correctedEventId,
            Quantity correctedQuantity,
            String reason,
            String correctedBy,
            String approvedBy,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(
                lot,
                correctionId,
                correctedEventId,
                correctedQuantity,
                reason,
                correctedBy,
                approvedBy,
                occurredAt,
                lateEntry,
                null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
