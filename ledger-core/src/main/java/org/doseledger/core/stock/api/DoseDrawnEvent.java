package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;

/**
 * A dose was drawn from a lot for a client (and session), by a practitioner, witnessed where there was a
 * witness; the lot's balance fell by it.
 */
@Revision("1")
public record DoseDrawnEvent(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        BigDecimal milligrams,
        String clientId,
        String sessionId,
        String drawnBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry,
        String witnessedBy)
        implements ClientEvent {

    /** A draw without a witness. */
    public DoseDrawnEvent(
            StockLotRef lot,
            String drawId,
            Quantity quantity,
            BigDecimal milligrams,
            String clientId,
            String sessionId,
            String drawnBy,
            Quantity balanceAfter,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(
                lot,
                drawId,
                quantity,
                milligrams,
                clientId,
                sessionId,
                drawnBy,
                balanceAfter,
                occurredAt,
                lateEntry,
                null);
    }

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
