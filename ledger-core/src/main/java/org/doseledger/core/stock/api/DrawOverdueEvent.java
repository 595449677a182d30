package org.doseledger.core.stock.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;

/**
 * Compliance exception: a draw was still not fully accounted for (administered plus wasted) when the
 * practice's open-draw limit had passed. {@code occurredAt} is when the limit passed.
 */
@Revision("1")
public record DrawOverdueEvent(
        StockLotRef lot,
        String drawId,
        String clientId,
        String drawnBy,
        Instant drawnAt,
        Quantity unaccounted,
        Duration openDrawLimit,
        Instant occurredAt)
        implements ClientEvent {

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
