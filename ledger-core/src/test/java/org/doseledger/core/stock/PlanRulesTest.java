package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.doseledger.core.client.api.DosingHistory.BloodPressure;
import org.doseledger.core.client.api.DosingHistory.PastSession;
import org.doseledger.core.client.api.NoValidClearanceException;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseOutsidePlanException;
import org.doseledger.core.stock.api.DoseOverride;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.junit.jupiter.api.Test;

/** Consistent dosing: 1.5 mL of 50 mg/mL is 75 mg, against a plan of at most 80 mg, 6 days apart. */
class PlanRulesTest {

    private static final Instant AT = Instant.parse("2026-11-20T16:30:00Z");
    private static final TreatmentPlanTerms PLAN = new TreatmentPlanTerms(
            6, 2, 6, Route.IM, new BigDecimal("40"), new BigDecimal("80"), new BigDecimal("80"), Duration.ofDays(6));
    private static final PastSession A_WEEK_AGO_70_MG =
            new PastSession("session-0", AT.minus(Duration.ofDays(7)), new BigDecimal("70"));

    @Test
    void aDoseWithinThePlanCarriesNoFlags() {
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(A_WEEK_AGO_70_MG))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDoseAboveThePlanMaximumWithoutASecondPrescriber() {
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(A_WEEK_AGO_70_MG))
                .given(received(), drawn("draw-1", "1.7", "85", "48.3"))
                .when(administer("1.7", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
    }

    @Test
    void aDoseAboveThePlanWithRationaleAndASecondPrescriberIsRecordedWithItsFlags() {
        DoseOverride override = new DoseOverride("no response at 70 mg; BP stable", OTHER_PRESCRIBER);
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(A_WEEK_AGO_70_MG))
                .given(received(), drawn("draw-1", "1.7", "85", "48.3"))
                .when(administer("1.7", Route.IM, override))
                .expectEvents(
                        new DoseAdministeredEvent(
                                LOT,
                                "draw-1",
                                ml("1.7"),
                                mg("85"),
                                Route.IM,
                                CLIENT_ID,
                                SESSION_ID,
                                NURSE,
                                ml("0"),
                                AT,
                                null,
                                List.of("ABOVE_PLAN_MAXIMUM", "ABOVE_PLAN_RANGE"),
                                override),
                        new org.doseledger.core.stock.api.DrawAccountedForEvent(
                                LOT, "draw-1", CLIENT_ID, ml("1.7"), ml("1.7"), ml("0"), AT));
    }

    @Test
    void aSessionAboveThePlansRangeNeedsARationaleButNoSecondPrescriber() {
        TreatmentPlanTerms range40to70 = new TreatmentPlanTerms(
                6,
                2,
                6,
                Route.IM,
                new BigDecimal("40"),
                new BigDecimal("70"),
                new BigDecimal("80"),
                Duration.ofDays(6));
        DoseOverride stepUp = new DoseOverride("planned step up, tolerated well", null);
        StockFixtures.newFixture(new FakeDosingHistory().plan(range40to70).previous(A_WEEK_AGO_70_MG))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
        StockFixtures.newFixture(new FakeDosingHistory().plan(range40to70).previous(A_WEEK_AGO_70_MG))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, stepUp))
                .expectEvents(
                        new DoseAdministeredEvent(
                                LOT,
                                "draw-1",
                                ml("1.5"),
                                mg("75"),
                                Route.IM,
                                CLIENT_ID,
                                SESSION_ID,
                                NURSE,
                                ml("0"),
                                AT,
                                null,
                                List.of("ABOVE_PLAN_RANGE"),
                                stepUp),
                        new org.doseledger.core.stock.api.DrawAccountedForEvent(
                                LOT, "draw-1", CLIENT_ID, ml("1.5"), ml("1.5"), ml("0"), AT));
    }

    private static final TreatmentPlanTerms PER_KG = new TreatmentPlanTerms(
            6,
            2,
            6,
            Route.IM,
            new BigDecimal("0.5"),
            new BigDecimal("1.0"),
            new BigDecimal("1.2"),
            Duration.ofDays(6),
            org.doseledger.core.client.api.DoseBasis.MG_PER_KG);

    @Test
    void aPlanInMgPerKgIsJudgedAgainstTheClientsWeight() {
        // 75 mg: within 1.0 mg/kg for 80 kg; above the 1.2 mg/kg single-dose maximum (72 mg) for 60 kg
        StockFixtures.newFixture(new FakeDosingHistory().plan(PER_KG).weighing("80"))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectSuccessfulHandlerExecution();
        StockFixtures.newFixture(new FakeDosingHistory().plan(PER_KG).weighing("60"))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
    }

    @Test
    void aPlanInMgPerKgGivesNoDoseWithoutAWeightOnRecord() {
        StockFixtures.newFixture(new FakeDosingHistory().plan(PER_KG))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(org.doseledger.core.client.api.NoWeightOnRecordException.class);
    }

    @Test
    void theOverrideIsApprovedBySomeoneElse() {
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN))
                .given(received(), drawn("draw-1", "1.7", "85", "48.3"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.7"), Route.IM, PRESCRIBER, AT, null, new DoseOverride("why", PRESCRIBER)))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aDoseSoonerThanTheMinimumIntervalNeedsApproval() {
        PastSession threeDaysAgo = new PastSession("session-0", AT.minus(Duration.ofDays(3)), new BigDecimal("70"));
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(threeDaysAgo))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
    }

    @Test
    void aDoseByAnotherRouteThanPlannedNeedsApproval() {
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IV, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
    }

    @Test
    void anIncreaseOfMoreThanAQuarterNeedsARationale() {
        PastSession fiftyMg = new PastSession("session-0", AT.minus(Duration.ofDays(7)), new BigDecimal("50"));
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(fiftyMg))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
    }

    @Test
    void anIncreaseWithARationaleIsFlaggedWithoutASecondPrescriber() {
        PastSession fiftyMg = new PastSession("session-0", AT.minus(Duration.ofDays(7)), new BigDecimal("50"));
        DoseOverride rationaleOnly = new DoseOverride("titrating per plan", null);
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(fiftyMg))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, rationaleOnly))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRationaleSealedUnderTheClientsKeyCountsAsGivenAndStaysSealedInTheEvent() {
        PastSession fiftyMg = new PastSession("session-0", AT.minus(Duration.ofDays(7)), new BigDecimal("50"));
        DoseOverride sealed = new DoseOverride(
                null, null, new org.doseledger.core.shared.SealedPersonalData("key-1", "bm9uY2U=", "Y2lwaGVy"));
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(fiftyMg))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, sealed))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.<Object>matches(
                                        payload -> payload instanceof DoseAdministeredEvent administered
                                                && sealed.equals(administered.override())
                                                && administered.planFlags().contains("INCREASE_ABOVE_POLICY_LIMIT")))));
    }

    @Test
    void withoutAPlanNoPlanRuleApplies() {
        StockFixtures.newFixture(new FakeDosingHistory())
                .given(received(), drawn("draw-1", "2", "100", "48"))
                .when(administer("2", Route.IV, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDoseWithoutAValidClearanceWhereThePracticeRequiresOne() {
        StockFixtures.newFixture(new FakeDosingHistory().withoutClearance(), new PracticePolicies(true, 25))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(NoValidClearanceException.class);
    }

    @Test
    void aClearanceIsNotNeededWhereThePracticeDoesNotRequireOne() {
        StockFixtures.newFixture(
                        new FakeDosingHistory().withoutClearance(),
                        new PracticePolicies(false, 25, 24, 0, false, 30, false))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void thePracticeSetsTheIncreaseThatNeedsARationale() {
        PastSession fiftyMg = new PastSession("session-0", AT.minus(Duration.ofDays(7)), new BigDecimal("50"));
        StockFixtures.newFixture(new FakeDosingHistory().plan(PLAN).previous(fiftyMg), new PracticePolicies(false, 50))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBloodPressureAboveTheClearanceBlocksTheDoseUnlessAPrescriberOverrides() {
        FakeDosingHistory highPressure =
                new FakeDosingHistory().bloodPressure(new BloodPressure(150, 95), new BloodPressure(162, 88));
        StockFixtures.newFixture(highPressure)
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectNoEvents()
                .expectException(DoseOutsidePlanException.class);
        StockFixtures.newFixture(highPressure)
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, new DoseOverride("white-coat reading; recheck 140/85", PRESCRIBER)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBloodPressureWithinTheClearanceNeedsNothing() {
        StockFixtures.newFixture(
                        new FakeDosingHistory().bloodPressure(new BloodPressure(150, 95), new BloodPressure(138, 86)))
                .given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("1.5", Route.IM, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void thePracticeMayNarrowTheLateEntryWindowButNeverWidenIt() {
        org.doseledger.core.stock.api.DrawDoseCommand thirteenHoursLate =
                new org.doseledger.core.stock.api.DrawDoseCommand(
                        LOT,
                        "draw-9",
                        ml("1"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        StockFixtures.NOW.minus(Duration.ofHours(13)),
                        null);
        StockFixtures.newFixture(new FakeDosingHistory(), new PracticePolicies(false, 25, 12, 0, false, 30, false))
                .given(received())
                .when(thirteenHoursLate)
                .expectNoEvents()
                .expectException(org.doseledger.core.shared.LateEntryNeedsReasonException.class);
        StockFixtures.newFixture(new FakeDosingHistory(), StockFixtures.POLICIES)
                .given(received())
                .when(thirteenHoursLate)
                .expectSuccessfulHandlerExecution();
        // a window of 48 hours, stored before the floor existed, is read as 24: a 30-hour-late draw is late
        org.doseledger.core.stock.api.DrawDoseCommand thirtyHoursLate =
                new org.doseledger.core.stock.api.DrawDoseCommand(
                        LOT,
                        "draw-9",
                        ml("1"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        StockFixtures.NOW.minus(Duration.ofHours(30)),
                        null);
        StockFixtures.newFixture(new FakeDosingHistory(), new PracticePolicies(false, 25, 48, 0, false, 30, false))
                .given(received())
                .when(thirtyHoursLate)
                .expectNoEvents()
                .expectException(org.doseledger.core.shared.LateEntryNeedsReasonException.class);
    }

    private static RecordAdministrationCommand administer(String millilitres, Route route, DoseOverride override) {
        return new RecordAdministrationCommand(LOT, "draw-1", ml(millilitres), route, NURSE, AT, null, override);
    }
}
