package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.PractitionerCredentialException;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.junit.jupiter.api.Test;

/** Credentials are judged on the day the act occurred, in the practice's calendar (Chicago here). */
class CredentialCheckTest {

    // 2026-11-20T05:30Z is still November 19 in Chicago
    private static final Instant LATE_ON_THE_19TH = Instant.parse("2026-11-20T05:30:00Z");
    private static final Instant ON_THE_20TH = Instant.parse("2026-11-20T16:30:00Z");

    @Test
    void aNurseWhoseLicenceExpiredCannotAdminister() {
        FixtureConfiguration<StockLot> fixture = fixtureWithNurseLicensedUntil(LocalDate.of(2026, 11, 19));

        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.5"), Route.IM, "rn-exp", ON_THE_20TH, null, null))
                .expectNoEvents()
                .expectException(PractitionerCredentialException.class);
    }

    @Test
    void theLicenceIsJudgedOnTheDayTheActOccurred() {
        FixtureConfiguration<StockLot> fixture = fixtureWithNurseLicensedUntil(LocalDate.of(2026, 11, 19));

        fixture.given(
                        received(),
                        StockEvents.drawnAt("draw-1", "1.5", "75", "48.5", LATE_ON_THE_19TH.minusSeconds(600)))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.5"), Route.IM, "rn-exp", LATE_ON_THE_19TH, null, null))
                .expectEvents(
                        new DoseAdministeredEvent(
                                LOT,
                                "draw-1",
                                ml("1.5"),
                                StockFixtures.mg("75"),
                                Route.IM,
                                StockFixtures.CLIENT_ID,
                                "session-1",
                                "rn-exp",
                                ml("0"),
                                LATE_ON_THE_19TH,
                                null,
                                List.of(),
                                null),
                        new DrawAccountedForEvent(
                                LOT,
                                "draw-1",
                                StockFixtures.CLIENT_ID,
                                ml("1.5"),
                                ml("1.5"),
                                ml("0"),
                                LATE_ON_THE_19TH));
    }

    private static FixtureConfiguration<StockLot> fixtureWithNurseLicensedUntil(LocalDate expiresOn) {
        return StockFixtures.newFixture(StockFixtures.practitioners()
                .withCredentials(
                        PRACTICE,
                        "rn-exp",
                        new Credentials(expiresOn, null, List.of(), null, null),
                        PractitionerRole.NURSE));
    }
}
