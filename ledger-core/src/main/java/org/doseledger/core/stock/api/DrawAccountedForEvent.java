package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;

/** Every unit of a draw is accounted for: administered plus wasted equals drawn; the draw is closed. */
@Revision("1")
public record DrawAccountedForEvent(
        StockLotRef lot,
        String drawId,
        String clientId,
        Quantity drawn,
        Quantity administered,
        Quantity wasted,
        Instant occurredAt)
        implements ClientEvent {

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
