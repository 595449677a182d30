package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.DRAWN_AT;
import static org.doseledger.core.stock.StockEvents.accountedFor;
import static org.doseledger.core.stock.StockEvents.administered;
import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Duration;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.FlagOverdueDrawCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverdueDrawTest {

    private static final Duration LIMIT = Duration.ofMinutes(60);

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void aDrawStillOpenPastTheLimitIsFlagged() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new FlagOverdueDrawCommand(LOT, "draw-1", LIMIT, DRAWN_AT.plus(Duration.ofMinutes(61))))
                .expectEvents(new DrawOverdueEvent(
                        LOT, "draw-1", CLIENT_ID, NURSE, DRAWN_AT, ml("1.5"), LIMIT, DRAWN_AT.plus(LIMIT)));
    }

    @Test
    void aDrawWithinTheLimitIsNotFlagged() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new FlagOverdueDrawCommand(LOT, "draw-1", LIMIT, DRAWN_AT.plus(Duration.ofMinutes(59))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedDrawIsNeverOverdue() {
        fixture.given(
                        received(),
                        drawn("draw-1", "1.5", "75", "48.5"),
                        administered("draw-1", "1.5", "75", "0"),
                        accountedFor("draw-1", "1.5", "1.5", "0", DRAWN_AT))
                .when(new FlagOverdueDrawCommand(LOT, "draw-1", LIMIT, DRAWN_AT.plus(Duration.ofHours(5))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDrawIsFlaggedOnce() {
        fixture.given(
                        received(),
                        drawn("draw-1", "1.5", "75", "48.5"),
                        new DrawOverdueEvent(
                                LOT, "draw-1", CLIENT_ID, NURSE, DRAWN_AT, ml("1.5"), LIMIT, DRAWN_AT.plus(LIMIT)))
                .when(new FlagOverdueDrawCommand(LOT, "draw-1", LIMIT, DRAWN_AT.plus(Duration.ofHours(3))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownDrawIsIgnoredByTheSweeper() {
        fixture.given(received())
                .when(new FlagOverdueDrawCommand(LOT, "draw-9", LIMIT, DRAWN_AT.plus(Duration.ofHours(3))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
