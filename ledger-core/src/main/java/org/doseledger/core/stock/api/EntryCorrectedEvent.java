package org.doseledger.core.stock.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * An earlier entry was corrected: which one, from what quantity to what (null: removed), the change to the
 * balance, why, who corrected and who approved. Why, for an entry about a client, is sealed under the
 * client's data key ({@code sealedReason}; {@code reason} is then null).
 */
@Revision("1")
public record EntryCorrectedEvent(
        StockLotRef lot,
        String correctionId,
        String correctedEventId,
        Movement correctedMovement,
        String drawId,
        Quantity originalQuantity,
        Quantity correctedQuantity,
        Quantity balanceChange,
        Quantity balanceAfter,
        String reason,
        String correctedBy,
        String approvedBy,
        Instant occurredAt,
        LateEntry lateEntry,
        @JsonInclude(JsonInclude.Include.NON_NULL) SealedPersonalData sealedReason)
        implements LedgerEvent {

    public EntryCorrectedEvent(
            StockLotRef lot,
            String correctionId,
            String correctedEventId,
            Movement correctedMovement,
            String drawId,
            Quantity originalQuantity,
            Quantity correctedQuantity,
            Quantity balanceChange,
            Quantity balanceAfter,
            String reason,
            String correctedBy,
            String approvedBy,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(
                lot,
                correctionId,
                correctedEventId,
                correctedMovement,
                drawId,
                originalQuantity,
                correctedQuantity,
                balanceChange,
                balanceAfter,
                reason,
                correctedBy,
                approvedBy,
                occurredAt,
                lateEntry,
                null);
    }
}
