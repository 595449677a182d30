package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;

/**
 * Part or all of a draw was administered to its client in a dosing session, by a practitioner, by a
 * route. {@code planFlags} names the treatment-plan rules the dose departed from (empty when none);
 * {@code override} holds the rationale and approval that allowed it (null when none was needed).
 */
@Revision("1")
public record DoseAdministeredEvent(
        StockLotRef lot,
        String drawId,
        Quantity quantity,
        BigDecimal milligrams,
        Route route,
        String clientId,
        String sessionId,
        String administeredBy,
        Quantity unaccountedAfter,
        Instant occurredAt,
        LateEntry lateEntry,
        List<String> planFlags,
        DoseOverride override)
        implements ClientEvent {

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
