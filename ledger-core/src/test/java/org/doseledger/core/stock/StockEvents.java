package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.SUPPLIER;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;

/** Given events of the vial lot {@link StockFixtures#LOT} the stock tests share: five 10 mL vials, then doses. */
final class StockEvents {

    static final Instant RECEIVED_AT = Instant.parse("2026-11-18T15:00:00Z");
    static final Instant DRAWN_AT = Instant.parse("2026-11-20T16:00:00Z");
    static final Instant ADMINISTERED_AT = Instant.parse("2026-11-20T16:05:00Z");

    private StockEvents() {}

    /** Five 10 mL vials (50 mL, 2500 mg) received into the lot, expiring on {@link StockFixtures#EXPIRES_ON}. */
    static StockReceivedEvent received() {
        return receivedExpiringOn(EXPIRES_ON);
    }

    static StockReceivedEvent receivedExpiringOn(LocalDate expiresOn) {
        return receivedInto(LOT, expiresOn);
    }

    static StockReceivedEvent receivedInto(StockLotRef lot, LocalDate expiresOn) {
        return new StockReceivedEvent(
                lot,
                "receipt-1",
                Substance.KETAMINE,
                FIFTY_MG_PER_ML,
                expiresOn,
                5,
                ml("10"),
                ml("50"),
                mg("2500"),
                SUPPLIER,
                "INV-1000",
                NURSE,
                ml("50"),
                RECEIVED_AT,
                null);
    }

    static DoseDrawnEvent drawn(String drawId, String quantity, String milligrams, String balanceAfter) {
        return drawnAt(drawId, quantity, milligrams, balanceAfter, DRAWN_AT);
    }

    static DoseDrawnEvent drawnAt(
            String drawId, String quantity, String milligrams, String balanceAfter, Instant drawnAt) {
        return new DoseDrawnEvent(
                LOT,
                drawId,
                ml(quantity),
                mg(milligrams),
                CLIENT_ID,
                SESSION_ID,
                NURSE,
                ml(balanceAfter),
                drawnAt,
                null);
    }

    static DoseAdministeredEvent administered(
            String drawId, String quantity, String milligrams, String unaccountedAfter) {
        return new DoseAdministeredEvent(
                LOT,
                drawId,
                ml(quantity),
                mg(milligrams),
                Route.IM,
                CLIENT_ID,
                "session-1",
                NURSE,
                ml(unaccountedAfter),
                ADMINISTERED_AT,
                null,
                List.of(),
                null);
    }

    static DrawAccountedForEvent accountedFor(
            String drawId, String drawn, String administered, String wasted, Instant at) {
        return new DrawAccountedForEvent(LOT, drawId, CLIENT_ID, ml(drawn), ml(administered), ml(wasted), at);
    }

    /**
     * The identifiers of the given events of the lot, in order. The fixture gives every given event a
     * new identifier (it does not keep one a given {@link DomainEventMessage} carries), so a test that
     * must name an earlier event reads them back from the fixture's event store after {@code given}.
     */
    static List<String> givenEventIds(FixtureConfiguration<StockLot> fixture, StockLotRef lot) {
        return fixture.getEventStore()
                .readEvents(lot.aggregateId())
                .asStream()
                .map(DomainEventMessage::getIdentifier)
                .toList();
    }
}
