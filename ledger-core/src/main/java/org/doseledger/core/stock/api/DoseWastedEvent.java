package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;

/** The unused part of a draw was wasted: how much, how, by whom and witnessed by whom. */
@Revision("1")
public record DoseWastedEvent(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        BigDecimal milligrams,
        String method,
        String clientId,
        String wastedBy,
        String witnessedBy,
        Quantity unaccountedAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements ClientEvent {

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
