package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIPTION;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import org.doseledger.core.client.api.NoActiveConsentException;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.junit.jupiter.api.Test;

/** No dose, given in the office or taken home, without an active consent covering it. */
class ConsentCheckTest {

    private static final Instant AT = Instant.parse("2026-11-20T16:30:00Z");
    private static final FakeConsents NONE = new FakeConsents().without(new ClientRef(PRACTICE, CLIENT_ID));

    @Test
    void cannotAdministerWithoutActiveConsent() {
        StockFixtures.newFixture(NONE)
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new RecordAdministrationCommand(LOT, "draw-1", ml("1.5"), Route.IM, NURSE, AT, null, null))
                .expectNoEvents()
                .expectException(NoActiveConsentException.class);
    }

    @Test
    void cannotDispenseWithoutActiveConsent() {
        StockFixtures.newFixture(NONE)
                .given(received())
                .when(new DispenseDoseCommand(
                        LOT,
                        "dispensation-1",
                        ml("2"),
                        Route.SUBLINGUAL,
                        CLIENT_ID,
                        PRESCRIBER,
                        NURSE,
                        7,
                        PRESCRIPTION,
                        AT,
                        null))
                .expectNoEvents()
                .expectException(NoActiveConsentException.class);
    }
}
