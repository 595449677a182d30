package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;

/** Part or all of a draw was administered to its client, by a practitioner, by a route. */
@Revision("1")
public record DoseAdministeredEvent(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        BigDecimal milligrams,
        Route route,
        String clientId,
        String administeredBy,
        Quantity unaccountedAfter,
        Instant occurredAt,
        LateEntry lateEntry)
        implements ClientEvent {

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
