package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.CLOCK;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.VIAL;
import static org.doseledger.core.stock.StockFixtures.ZONE;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.client.api.NoActiveConsentException;
import org.doseledger.core.client.api.NoTreatmentPlanException;
import org.doseledger.core.client.api.NoValidClearanceException;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.session.api.DrawOutsideSessionException;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A dose belongs to a real session of the client it is drawn for, for the lot's substance, in progress
 * when it is drawn; and stock leaves the safe only for a client who may be dosed (consent, clearance
 * where the practice requires one, and a treatment plan unless the practice waives it).
 */
class DosesBelongToASessionTest {

    private static final Instant DRAWN_AT = Instant.parse("2026-11-20T16:00:00Z");
    private static final Instant SESSION_START = DRAWN_AT.minus(Duration.ofMinutes(30));
    private static final PracticePolicies PLAN_REQUIRED = PracticePolicies.DEFAULTS;
    private static final PracticePolicies CLEARANCE_REQUIRED = new PracticePolicies(true, 25, 24, 0, false, 30, false);
    private static final TreatmentPlanTerms PLAN = new TreatmentPlanTerms(
            6, 2, 6, Route.IM, new BigDecimal("40"), new BigDecimal("80"), new BigDecimal("80"), Duration.ofDays(6));

    @Test
    void aDrawForAnotherClientsSessionIsRefused() {
        fixture(session(new SessionFacts(SESSION_ID, "c-other", Substance.KETAMINE, SESSION_START, null, false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class)
                .expectExceptionMessage(Matchers.containsString("another client"));
    }

    @Test
    void aDrawForASessionTheClientWasDischargedFromIsRefused() {
        fixture(session(new SessionFacts(
                        SESSION_ID, CLIENT_ID, Substance.KETAMINE, SESSION_START, DRAWN_AT.minusSeconds(60), false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class)
                .expectExceptionMessage(Matchers.containsString("discharged"));
    }

    @Test
    void aDrawForASessionNotYetStartedIsRefused() {
        fixture(session(new SessionFacts(SESSION_ID, CLIENT_ID, Substance.KETAMINE, null, null, false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class)
                .expectExceptionMessage(Matchers.containsString("has not started"));
    }

    @Test
    void aDrawBeforeItsSessionStartedIsRefused() {
        fixture(session(new SessionFacts(
                        SESSION_ID, CLIENT_ID, Substance.KETAMINE, DRAWN_AT.plusSeconds(60), null, false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class);
    }

    @Test
    void aKetamineDrawForASpravatoSessionIsRefused() {
        fixture(session(new SessionFacts(SESSION_ID, CLIENT_ID, Substance.ESKETAMINE, SESSION_START, null, false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class)
                .expectExceptionMessage(Matchers.containsString("ESKETAMINE session"));
    }

    @Test
    void aDrawForASessionNeverScheduledIsRefused() {
        fixture(new FakeSessions())
                .given(received())
                .when(draw("never-scheduled"))
                .expectNoEvents()
                .expectException(UnknownRecordException.class);
    }

    @Test
    void aDrawNamesItsSession() {
        fixture(StockFixtures.sessions())
                .given(received())
                .when(draw(null))
                .expectNoEvents()
                .expectException(DrawOutsideSessionException.class)
                .expectExceptionMessage(Matchers.containsString("name the session"));
    }

    @Test
    void aDrawInTheClientsSessionInProgressIsAccepted() {
        fixture(session(new SessionFacts(SESSION_ID, CLIENT_ID, Substance.KETAMINE, SESSION_START, null, false)))
                .given(received())
                .when(draw(SESSION_ID))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noStockLeavesTheSafeForAClientWithoutConsent() {
        fixture(
                        StockFixtures.sessions(),
                        new FakeConsents().without(new ClientRef(PRACTICE, CLIENT_ID)),
                        new FakeDosingHistory(),
                        StockFixtures.POLICIES)
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(NoActiveConsentException.class);
    }

    @Test
    void noStockLeavesTheSafeForAClientWithoutTheClearanceThePracticeRequires() {
        fixture(
                        StockFixtures.sessions(),
                        new FakeConsents(),
                        new FakeDosingHistory().withoutClearance(),
                        CLEARANCE_REQUIRED)
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(NoValidClearanceException.class);
    }

    @Test
    void noDoseIsDrawnOrGivenForAClientWithoutATreatmentPlan() {
        fixture(StockFixtures.sessions(), new FakeConsents(), new FakeDosingHistory(), PLAN_REQUIRED)
                .given(received())
                .when(draw(SESSION_ID))
                .expectNoEvents()
                .expectException(NoTreatmentPlanException.class);
        fixture(StockFixtures.sessions(), new FakeConsents(), new FakeDosingHistory(), PLAN_REQUIRED)
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.5"), Route.IM, NURSE, DRAWN_AT.plusSeconds(300), null, null))
                .expectNoEvents()
                .expectException(NoTreatmentPlanException.class);
    }

    @Test
    void aClientWithAPlanIsDosed() {
        fixture(StockFixtures.sessions(), new FakeConsents(), new FakeDosingHistory().plan(PLAN), PLAN_REQUIRED)
                .given(received())
                .when(draw(SESSION_ID))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPracticeMayWaiveThePlan() {
        fixture(StockFixtures.sessions(), new FakeConsents(), new FakeDosingHistory(), StockFixtures.POLICIES)
                .given(received())
                .when(draw(SESSION_ID))
                .expectSuccessfulHandlerExecution();
    }

    private static DrawDoseCommand draw(String sessionId) {
        return new DrawDoseCommand(LOT, "draw-1", ml("1.5"), CLIENT_ID, sessionId, NURSE, DRAWN_AT, null, null);
    }

    private static FakeSessions session(SessionFacts session) {
        return new FakeSessions().with(PRACTICE, session);
    }

    private static FixtureConfiguration<StockLot> fixture(FakeSessions sessions) {
        return fixture(sessions, new FakeConsents(), new FakeDosingHistory(), StockFixtures.POLICIES);
    }

    private static FixtureConfiguration<StockLot> fixture(
            FakeSessions sessions, FakeConsents consents, FakeDosingHistory history, PracticePolicies policies) {
        FixtureConfiguration<StockLot> fixture = new AggregateTestFixture<>(StockLot.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(
                new FakePractices().with(PRACTICE, ZONE).policies(policies));
        fixture.registerInjectableResource(new FakeCatalogue().with(PRACTICE, VIAL));
        fixture.registerInjectableResource(new FakeLocations().with(PRACTICE, SAFE));
        fixture.registerInjectableResource(new FakeClients().with(new ClientRef(PRACTICE, CLIENT_ID)));
        fixture.registerInjectableResource(StockFixtures.practitioners());
        fixture.registerInjectableResource(consents);
        fixture.registerInjectableResource(history);
        fixture.registerInjectableResource(sessions);
        return fixture;
    }
}
