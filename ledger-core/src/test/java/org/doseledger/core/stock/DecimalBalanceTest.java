package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockFixtures.AMPOULE_LOT;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.SUPPLIER;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Balances are sums of exact decimals: thirds of a millilitre come out to zero, not to 1e-16. */
class DecimalBalanceTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DRAWN_AT = Instant.parse("2026-11-20T16:00:00Z");

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void drawingAMillilitreInThreePartsLeavesExactlyZero() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(oneAmpoule(), draw("draw-1", ml("0.333")), draw("draw-2", ml("0.333")))
                .when(draw("draw-3", ml("0.334")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        AMPOULE_LOT,
                        "draw-3",
                        ml("0.334"),
                        mg("16.7"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("0"),
                        DRAWN_AT,
                        null));
    }

    @Test
    void thirdsOfAMillilitreKeepTheirExactMilligrams() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(oneAmpoule(), draw("draw-1", ml("0.333")))
                .when(draw("draw-2", ml("0.333")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        AMPOULE_LOT,
                        "draw-2",
                        ml("0.333"),
                        mg("16.65"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("0.334"),
                        DRAWN_AT,
                        null));
    }

    @Test
    void nothingIsLeftAfterTheThirdThird() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(
                        oneAmpoule(),
                        draw("draw-1", ml("0.333")),
                        draw("draw-2", ml("0.333")),
                        draw("draw-3", ml("0.334")))
                .when(draw("draw-4", ml("0.001")))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    private static ReceiveStockCommand oneAmpoule() {
        return new ReceiveStockCommand(
                AMPOULE_LOT, "receipt-1", EXPIRES_ON, 1, SUPPLIER, "INV-1001", NURSE, RECEIVED_AT, null);
    }

    private static DrawDoseCommand draw(String drawId, Quantity quantity) {
        return new DrawDoseCommand(AMPOULE_LOT, drawId, quantity, CLIENT_ID, SESSION_ID, NURSE, DRAWN_AT, null);
    }
}
