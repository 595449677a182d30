package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.INACTIVE_NURSE;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.MONITOR;
import static org.doseledger.core.stock.StockFixtures.NOW;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.SUPPLIER;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.VIAL_NDC;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practice.api.HistoryImportException;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LateEntryNeedsReasonException;
import org.doseledger.core.shared.OccurredInFutureException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawAlreadyAccountedForException;
import org.doseledger.core.stock.api.DrawAlreadyRecordedException;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotExpiredException;
import org.doseledger.core.stock.api.LotExpiryMismatchException;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;
import org.doseledger.core.stock.api.ReceiptAlreadyRecordedException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.WasteDoseCommand;
import org.doseledger.core.stock.api.WasteNotByDrawerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StockLotTest {

    private static final Instant LOT_RECEIVED_AT = Instant.parse("2026-11-18T15:00:00Z");
    private static final Instant RECEIPT_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DRAWN_AT = Instant.parse("2026-11-20T16:00:00Z");
    private static final Instant ADMINISTERED_AT = Instant.parse("2026-11-20T16:05:00Z");
    private static final Instant WASTED_AT = Instant.parse("2026-11-20T16:15:00Z");
    private static final Instant JUST_TOO_LATE = NOW.minus(Duration.ofHours(24)).minusSeconds(1);
    private static final String WASTE_METHOD = "expelled into drug disposal container";
    private static final LateEntry LATE = new LateEntry("tablet was offline during the session", PRESCRIBER);

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void canReceiveStockIntoANewLot() {
        fixture.givenNoPriorActivity()
                .when(receive("receipt-1", 5, NURSE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReceivedEvent(
                        LOT,
                        "receipt-1",
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        EXPIRES_ON,
                        5,
                        ml("10"),
                        ml("50"),
                        mg("2500"),
                        SUPPLIER,
                        "INV-1001",
                        NURSE,
                        ml("50"),
                        RECEIPT_AT,
                        null));
    }

    @Test
    void aSecondReceiptOfTheSameLotAddsToTheBalance() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(receive("receipt-2", 2, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReceivedEvent(
                        LOT,
                        "receipt-2",
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        EXPIRES_ON,
                        2,
                        ml("10"),
                        ml("20"),
                        mg("1000"),
                        SUPPLIER,
                        "INV-1001",
                        PRESCRIBER,
                        ml("68.5"),
                        RECEIPT_AT,
                        null));
    }

    @Test
    void cannotReceiveALotWithADifferentExpiry() {
        fixture.given(received())
                .when(new ReceiveStockCommand(
                        LOT, "receipt-2", EXPIRES_ON.plusMonths(1), 2, SUPPLIER, "INV-1002", NURSE, RECEIPT_AT, null))
                .expectNoEvents()
                .expectException(LotExpiryMismatchException.class);
    }

    @Test
    void cannotReceiveAProductNotInTheCatalogue() {
        StockLotRef unknownProduct = new StockLotRef(PRACTICE, SAFE, "42023-0999-10", "L2026A");

        fixture.givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        unknownProduct, "receipt-1", EXPIRES_ON, 5, SUPPLIER, "INV-1001", NURSE, RECEIPT_AT, null))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown product '42023-0999-10'");
    }

    @Test
    void cannotReceiveIntoAnUnknownLocation() {
        StockLotRef unknownLocation = new StockLotRef(PRACTICE, "safe-9", VIAL_NDC, "L2026A");

        fixture.givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        unknownLocation, "receipt-1", EXPIRES_ON, 5, SUPPLIER, "INV-1001", NURSE, RECEIPT_AT, null))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown location 'safe-9'");
    }

    @Test
    void aTherapistCannotReceiveStock() {
        fixture.givenNoPriorActivity()
                .when(receive("receipt-1", 5, THERAPIST))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void anInactiveNurseCannotReceiveStock() {
        fixture.givenNoPriorActivity()
                .when(receive("receipt-1", 5, INACTIVE_NURSE))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void someoneWhoIsNotAPractitionerOfThePracticeCannotReceiveStock() {
        fixture.givenNoPriorActivity()
                .when(receive("receipt-1", 5, "stranger"))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aLateReceiptCarriesItsLateEntry() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        LOT, "receipt-1", EXPIRES_ON, 5, SUPPLIER, "INV-1001", NURSE, JUST_TOO_LATE, LATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReceivedEvent(
                        LOT,
                        "receipt-1",
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        EXPIRES_ON,
                        5,
                        ml("10"),
                        ml("50"),
                        mg("2500"),
                        SUPPLIER,
                        "INV-1001",
                        NURSE,
                        ml("50"),
                        JUST_TOO_LATE,
                        LATE));
    }

    @Test
    void canDrawADose() {
        fixture.given(received())
                .when(draw("draw-1", ml("1.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drawn("draw-1", "1.5", "75", "48.5"));
    }

    @Test
    void cannotDrawFromALotNeverReceived() {
        fixture.givenNoPriorActivity()
                .when(draw("draw-1", ml("1.5")))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void cannotDrawMoreThanTheBalance() {
        fixture.given(received(), drawn("draw-1", "49", "2450", "1"))
                .when(draw("draw-2", ml("1.001")))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void canDrawExactlyTheBalance() {
        fixture.given(received())
                .when(draw("draw-1", ml("50")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drawn("draw-1", "50", "2500", "0"));
    }

    @Test
    void cannotDrawFromAnExpiredLot() {
        fixture.given(receivedExpiringOn(LocalDate.of(2026, 11, 19)))
                .when(draw("draw-1", ml("1.5")))
                .expectNoEvents()
                .expectException(LotExpiredException.class);
    }

    @Test
    void canDrawOnTheExpiryDate() {
        fixture.given(receivedExpiringOn(LocalDate.of(2026, 11, 20)))
                .when(draw("draw-1", ml("1.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drawn("draw-1", "1.5", "75", "48.5"));
    }

    @Test
    void theExpiryDateIsJudgedInThePracticesTimeZone() {
        // 01:30 UTC on November 20 is still the evening of November 19 in Chicago
        fixture.given(receivedExpiringOn(LocalDate.of(2026, 11, 19)))
                .when(drawAt(Instant.parse("2026-11-20T01:30:00Z"), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDrawANegativeOrTooPreciseQuantity() {
        fixture.given(received())
                .when(draw("draw-1", ml("-5")))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
        fixture.given(received())
                .when(draw("draw-1", ml("0.0001")))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void cannotWasteANegativeQuantity() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(waste("draw-1", ml("-0.5"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void aReceiptNeedsAtLeastOneContainer() {
        fixture.givenNoPriorActivity()
                .when(receive("receipt-1", 0, NURSE))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void aReceiptIsCountedOnce() {
        fixture.given(received())
                .when(receive("receipt-1", 5, NURSE))
                .expectNoEvents()
                .expectException(ReceiptAlreadyRecordedException.class);
    }

    @Test
    void anEntryCannotHaveOccurredAfterItIsRecorded() {
        fixture.given(received())
                .when(drawAt(StockFixtures.NOW.plusSeconds(3600), null))
                .expectNoEvents()
                .expectException(OccurredInFutureException.class);
    }

    @Test
    void cannotDrawForAnUnknownClient() {
        fixture.given(received())
                .when(new DrawDoseCommand(LOT, "draw-1", ml("1.5"), "c-99", SESSION_ID, NURSE, DRAWN_AT, null))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown client 'c-99'");
    }

    @Test
    void cannotDrawInAnotherUnitThanTheLotIsCountedIn() {
        fixture.given(received())
                .when(draw("draw-1", Quantity.of("1", StockUnit.EACH)))
                .expectNoEvents()
                .expectException(QuantityUnitMismatchException.class);
    }

    @Test
    void cannotReuseADrawId() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(draw("draw-1", ml("1")))
                .expectNoEvents()
                .expectException(DrawAlreadyRecordedException.class);
    }

    @Test
    void cannotReuseTheIdOfAClosedDraw() {
        fixture.given(
                        received(),
                        drawn("draw-1", "1.5", "75", "48.5"),
                        administered("draw-1", "1.5", "75", "0"),
                        accountedFor("draw-1", "1.5", "1.5", "0", ADMINISTERED_AT))
                .when(draw("draw-1", ml("1")))
                .expectNoEvents()
                .expectException(DrawAlreadyRecordedException.class);
    }

    @Test
    void aTherapistCannotDraw() {
        fixture.given(received())
                .when(new DrawDoseCommand(LOT, "draw-1", ml("1.5"), CLIENT_ID, SESSION_ID, THERAPIST, DRAWN_AT, null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void administeringTheWholeDrawClosesIt() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("draw-1", ml("1.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        administered("draw-1", "1.5", "75", "0"),
                        accountedFor("draw-1", "1.5", "1.5", "0", ADMINISTERED_AT));
    }

    @Test
    void administeringPartOfADrawLeavesItOpen() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("draw-1", ml("1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(administered("draw-1", "1", "50", "0.5"));
    }

    @Test
    void anotherPrescriberOrNurseMayAdministerTheDraw() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1"), Route.IM, PRESCRIBER, ADMINISTERED_AT, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseAdministeredEvent(
                        LOT,
                        "draw-1",
                        ml("1"),
                        mg("50"),
                        Route.IM,
                        CLIENT_ID,
                        "session-1",
                        PRESCRIBER,
                        ml("0.5"),
                        ADMINISTERED_AT,
                        null,
                        List.of(),
                        null));
    }

    @Test
    void aMonitorCannotAdminister() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1"), Route.IM, MONITOR, ADMINISTERED_AT, null, null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void administeredPlusWitnessedWasteClosesTheDraw() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"))
                .when(waste("draw-1", ml("0.5"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new DoseWastedEvent(
                                LOT,
                                "draw-1",
                                ml("0.5"),
                                mg("25"),
                                WASTE_METHOD,
                                CLIENT_ID,
                                NURSE,
                                PRESCRIBER,
                                ml("0"),
                                WASTED_AT,
                                null),
                        accountedFor("draw-1", "1.5", "1", "0.5", WASTED_AT));
    }

    @Test
    void aTherapistMayWitnessWaste() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"))
                .when(waste("draw-1", ml("0.5"), NURSE, THERAPIST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new DoseWastedEvent(
                                LOT,
                                "draw-1",
                                ml("0.5"),
                                mg("25"),
                                WASTE_METHOD,
                                CLIENT_ID,
                                NURSE,
                                THERAPIST,
                                ml("0"),
                                WASTED_AT,
                                null),
                        accountedFor("draw-1", "1.5", "1", "0.5", WASTED_AT));
    }

    @Test
    void cannotAccountForMoreThanWasDrawn() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"))
                .when(waste("draw-1", ml("0.501"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(DrawOverAccountedException.class);
    }

    @Test
    void cannotAdministerMoreThanWasDrawn() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("draw-1", ml("1.6")))
                .expectNoEvents()
                .expectException(DrawOverAccountedException.class);
    }

    @Test
    void wasteNeedsADifferentWitness() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(waste("draw-1", ml("0.5"), NURSE, NURSE))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void wasteNeedsAWitness() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(waste("draw-1", ml("0.5"), NURSE, null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void whereThePracticeRequiresWitnessedDrawsADrawWithoutAWitnessIsRefused() {
        PracticePolicies witnessedDraws = new PracticePolicies(false, 25, 24, 0, true, 30, false);
        DrawDoseCommand unwitnessed = draw("draw-1", ml("1.5"));
        DrawDoseCommand selfWitnessed =
                new DrawDoseCommand(LOT, "draw-1", ml("1.5"), CLIENT_ID, SESSION_ID, NURSE, DRAWN_AT, null, NURSE);
        StockFixtures.newFixture(new FakeDosingHistory(), witnessedDraws)
                .given(received())
                .when(unwitnessed)
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
        StockFixtures.newFixture(new FakeDosingHistory(), witnessedDraws)
                .given(received())
                .when(selfWitnessed)
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aWitnessedDrawRecordsItsWitness() {
        StockFixtures.newFixture(new FakeDosingHistory(), new PracticePolicies(false, 25, 24, 0, true, 30, false))
                .given(received())
                .when(new DrawDoseCommand(
                        LOT, "draw-1", ml("1.5"), CLIENT_ID, SESSION_ID, NURSE, DRAWN_AT, null, OTHER_NURSE))
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("48.5"),
                        DRAWN_AT,
                        null,
                        OTHER_NURSE));
    }

    @Test
    void anInactivePractitionerCannotWitnessWaste() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(waste("draw-1", ml("0.5"), NURSE, INACTIVE_NURSE))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void onlyThePractitionerWhoDrewADoseMayWasteIt() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(waste("draw-1", ml("0.5"), OTHER_NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(WasteNotByDrawerException.class);
    }

    @Test
    void cannotAdministerAgainstAClosedDraw() {
        fixture.given(
                        received(),
                        drawn("draw-1", "1.5", "75", "48.5"),
                        administered("draw-1", "1.5", "75", "0"),
                        accountedFor("draw-1", "1.5", "1.5", "0", ADMINISTERED_AT))
                .when(administer("draw-1", ml("0.1")))
                .expectNoEvents()
                .expectException(DrawAlreadyAccountedForException.class);
    }

    @Test
    void cannotWasteFromAClosedDraw() {
        fixture.given(
                        received(),
                        drawn("draw-1", "1.5", "75", "48.5"),
                        administered("draw-1", "1.5", "75", "0"),
                        accountedFor("draw-1", "1.5", "1.5", "0", ADMINISTERED_AT))
                .when(waste("draw-1", ml("0.1"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(DrawAlreadyAccountedForException.class);
    }

    @Test
    void cannotAdministerAgainstAnUnknownDraw() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("draw-2", ml("1")))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown draw 'draw-2'");
    }

    @Test
    void cannotAdministerInAnotherUnitThanTheLotIsCountedIn() {
        fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"))
                .when(administer("draw-1", Quantity.of("1", StockUnit.DEVICE)))
                .expectNoEvents()
                .expectException(QuantityUnitMismatchException.class);
    }

    @Test
    void aLateEntryNeedsAReasonAndACosigner() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, null))
                .expectNoEvents()
                .expectException(LateEntryNeedsReasonException.class);
    }

    @Test
    void aLateEntryNeedsANonBlankReason() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, new LateEntry("  ", PRESCRIBER)))
                .expectNoEvents()
                .expectException(LateEntryNeedsReasonException.class);
    }

    @Test
    void aLateEntryWithReasonAndCosignerIsRecordedWithBoth() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("48.5"),
                        JUST_TOO_LATE,
                        LATE));
    }

    @Test
    void aLateEntryAboutAClientMayGiveItsReasonSealedAndTheEventKeepsItSealed() {
        SealedPersonalData reason = new SealedPersonalData("key-1", "bm9uY2U=", "Y2lwaGVydGV4dA==");
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LateEntry.sealed(reason, PRESCRIBER)))
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("48.5"),
                        JUST_TOO_LATE,
                        new LateEntry(null, PRESCRIBER, null, reason)));
    }

    @Test
    void aSealedReasonStillNeedsACosigner() {
        SealedPersonalData reason = new SealedPersonalData("key-1", "bm9uY2U=", "Y2lwaGVydGV4dA==");
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LateEntry.sealed(reason, null)))
                .expectNoEvents()
                .expectException(org.doseledger.core.practitioner.api.SecondPersonRequiredException.class);
    }

    @Test
    void anEntryOfAHistoryImportIsRecordedAsImportedWithItsSourceAndAttester() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LateEntry.imported("binder")))
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("48.5"),
                        JUST_TOO_LATE,
                        new LateEntry("Imported from Paper binder (history import binder)", PRESCRIBER, "binder")));
    }

    @Test
    void anImportedEntryOutsideTheImportsPeriodIsRefused() {
        fixture.given(received())
                .when(drawAt(DRAWN_AT, LateEntry.imported("binder")))
                .expectNoEvents()
                .expectException(HistoryImportException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("outside history import binder"));
    }

    @Test
    void noEntryIsAddedToAClosedOrUnknownImport() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LateEntry.imported("closed-binder")))
                .expectNoEvents()
                .expectException(HistoryImportException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("was closed"));
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, LateEntry.imported("no-such-import")))
                .expectNoEvents()
                .expectException(org.doseledger.core.shared.UnknownRecordException.class);
    }

    @Test
    void aLateEntryCannotBeCosignedByTheActor() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, new LateEntry("tablet was offline during the session", NURSE)))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aLateEntryNeedsACosigner() {
        fixture.given(received())
                .when(drawAt(JUST_TOO_LATE, new LateEntry("tablet was offline during the session", null)))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void anEntryExactly24HoursLateIsOnTime() {
        Instant exactly24HoursAgo = NOW.minus(Duration.ofHours(24));

        fixture.given(received())
                .when(drawAt(exactly24HoursAgo, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("48.5"),
                        exactly24HoursAgo,
                        null));
    }

    @Test
    void aTimelyEntryDropsAnUnneededLateEntry() {
        fixture.given(received())
                .when(drawAt(DRAWN_AT, LATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drawn("draw-1", "1.5", "75", "48.5"));
    }

    @Test
    void aLateAdministrationNeedsAReason() {
        fixture.given(received(), StockEvents.drawnAt("draw-1", "1.5", "75", "48.5", JUST_TOO_LATE.minusSeconds(600)))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.5"), Route.IM, NURSE, JUST_TOO_LATE, null, null))
                .expectNoEvents()
                .expectException(LateEntryNeedsReasonException.class);
    }

    @Test
    void aLateWasteNeedsAReason() {
        fixture.given(received(), StockEvents.drawnAt("draw-1", "1.5", "75", "48.5", JUST_TOO_LATE.minusSeconds(600)))
                .when(new WasteDoseCommand(
                        LOT, "draw-1", ml("0.5"), WASTE_METHOD, NURSE, PRESCRIBER, JUST_TOO_LATE, null))
                .expectNoEvents()
                .expectException(LateEntryNeedsReasonException.class);
    }

    private static ReceiveStockCommand receive(String receiptId, int containers, String receivedBy) {
        return new ReceiveStockCommand(
                LOT, receiptId, EXPIRES_ON, containers, SUPPLIER, "INV-1001", receivedBy, RECEIPT_AT, null);
    }

    private static DrawDoseCommand draw(String drawId, Quantity quantity) {
        return new DrawDoseCommand(LOT, drawId, quantity, CLIENT_ID, SESSION_ID, NURSE, DRAWN_AT, null);
    }

    private static DrawDoseCommand drawAt(Instant occurredAt, LateEntry lateEntry) {
        return new DrawDoseCommand(LOT, "draw-1", ml("1.5"), CLIENT_ID, SESSION_ID, NURSE, occurredAt, lateEntry);
    }

    private static RecordAdministrationCommand administer(String drawId, Quantity quantity) {
        return new RecordAdministrationCommand(LOT, drawId, quantity, Route.IM, NURSE, ADMINISTERED_AT, null, null);
    }

    private static WasteDoseCommand waste(String drawId, Quantity quantity, String wastedBy, String witnessedBy) {
        return new WasteDoseCommand(LOT, drawId, quantity, WASTE_METHOD, wastedBy, witnessedBy, WASTED_AT, null);
    }

    private static StockReceivedEvent received() {
        return receivedExpiringOn(EXPIRES_ON);
    }

    private static StockReceivedEvent receivedExpiringOn(LocalDate expiresOn) {
        return new StockReceivedEvent(
                LOT,
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
                LOT_RECEIVED_AT,
                null);
    }

    private static DoseDrawnEvent drawn(String drawId, String quantity, String milligrams, String balanceAfter) {
        return new DoseDrawnEvent(
                LOT,
                drawId,
                ml(quantity),
                mg(milligrams),
                CLIENT_ID,
                SESSION_ID,
                NURSE,
                ml(balanceAfter),
                DRAWN_AT,
                null);
    }

    private static DoseAdministeredEvent administered(
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

    private static DrawAccountedForEvent accountedFor(
            String drawId, String drawn, String administered, String wasted, Instant at) {
        return new DrawAccountedForEvent(LOT, drawId, CLIENT_ID, ml(drawn), ml(administered), ml(wasted), at);
    }
}
