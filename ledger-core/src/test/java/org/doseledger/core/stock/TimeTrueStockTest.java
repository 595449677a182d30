package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawnAt;
import static org.doseledger.core.stock.StockEvents.givenEventIds;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.CLOCK;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER_WITHOUT_DEA;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SAFE_2;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.SUPPLIER;
import static org.doseledger.core.stock.StockFixtures.VIAL;
import static org.doseledger.core.stock.StockFixtures.VIAL_NDC;
import static org.doseledger.core.stock.StockFixtures.ZONE;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.doseledger.core.practitioner.api.PractitionerCredentialException;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.NotYetRegisteredException;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.EntryBeforeDrawException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.LotNotYetArrivedException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.ResolveDiscrepancyCommand;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.junit.jupiter.api.Test;

/**
 * Stock true at every moment, not only now (21 CFR 1304.21, 1304.22(c)): a backdated entry is judged
 * against what the lot held when it occurred and at every moment after, nothing happens to a lot before
 * it arrived or before what it names was registered, and people act only while they are active.
 * The server clock is {@link StockFixtures#NOW} (2026-11-20T18:00Z); the lot arrived 2026-11-18T15:00Z.
 */
class TimeTrueStockTest {

    private static final Instant BEFORE_ARRIVAL = Instant.parse("2026-11-18T10:00:00Z");
    private static final Instant NOV_19_NOON = Instant.parse("2026-11-19T12:00:00Z");
    private static final Instant NOV_20_10H = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOV_20_12H = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant NOV_20_13H = Instant.parse("2026-11-20T13:00:00Z");
    private static final Instant NOV_20_16H = Instant.parse("2026-11-20T16:00:00Z");
    private static final LateEntry LATE = new LateEntry("paper log from the weekend, entered Monday", PRESCRIBER);
    private static final List<String> TWO_WITNESSES = List.of(PRESCRIBER, OTHER_NURSE);

    @Test
    void aDrawDatedBeforeItsLotWasReceivedIsRefusedEvenWithALateEntryReason() {
        fixture()
                .given(received())
                .when(new DrawDoseCommand(
                        LOT, "draw-1", ml("1"), CLIENT_ID, SESSION_ID, NURSE, BEFORE_ARRIVAL, LATE, null))
                .expectNoEvents()
                .expectException(LotNotYetArrivedException.class);
    }

    @Test
    void aBackdatedRemovalMayNotLeaveTheLotBelowZeroAtAnyLaterMoment() {
        // 50 mL on the 18th, 40 mL drawn on the 20th at 10:00 (10 left), 50 mL more at 12:00 (60 now)
        fixture()
                .given(received(), drawnAt("draw-1", "40", "2000", "10", NOV_20_10H), secondReceipt(NOV_20_12H))
                .when(destroy("destruction-1", "20", NOV_19_NOON))
                .expectNoEvents()
                .expectException(InsufficientStockException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("held only 10 ML"));
    }

    @Test
    void aBackdatedRemovalThatLeavesEveryMomentAtOrAboveZeroIsAccepted() {
        fixture()
                .given(received(), drawnAt("draw-1", "40", "2000", "10", NOV_20_10H), secondReceipt(NOV_20_12H))
                .when(destroy("destruction-1", "10", NOV_19_NOON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void nothingHappensToALotAtALocationBeforeItWasTransferredThere() {
        StockLotRef atSafe2 = new StockLotRef(PRACTICE, SAFE_2, VIAL_NDC, LOT.lotNumber());
        fixture()
                .given(new StockTransferredInEvent(
                        atSafe2,
                        "transfer-1",
                        SAFE,
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        EXPIRES_ON,
                        ml("10"),
                        ml("10"),
                        mg("500"),
                        NURSE,
                        OTHER_NURSE,
                        ml("10"),
                        NOV_20_12H,
                        null))
                .when(new DestroyStockCommand(
                        atSafe2,
                        "destruction-1",
                        ml("1"),
                        "incinerated",
                        "clinic",
                        NURSE,
                        TWO_WITNESSES,
                        NOV_20_10H,
                        null))
                .expectNoEvents()
                .expectException(LotNotYetArrivedException.class);
    }

    @Test
    void aCountIsComparedWithWhatTheLotHeldWhenItWasCounted() {
        // counted 50 mL at noon; the 1.5 mL draw came at 16:00, after the count
        fixture()
                .given(received(), drawnAt("draw-1", "1.5", "75", "48.5", NOV_20_16H))
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        ml("50"),
                        true,
                        NURSE,
                        OTHER_NURSE,
                        NOV_20_12H,
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockCountedEvent(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        ml("50"),
                        ml("50"),
                        ml("0"),
                        true,
                        NURSE,
                        OTHER_NURSE,
                        NOV_20_12H,
                        null));
    }

    @Test
    void aCountBeforeTheLotArrivedIsRefused() {
        fixture()
                .given(received())
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.OPENING_OF_BUSINESS,
                        ml("0"),
                        true,
                        NURSE,
                        OTHER_NURSE,
                        BEFORE_ARRIVAL,
                        LATE))
                .expectNoEvents()
                .expectException(LotNotYetArrivedException.class);
    }

    @Test
    void aDoseIsAdministeredAfterItsDrawNeverBefore() {
        fixture()
                .given(received(), drawnAt("draw-1", "1.5", "75", "48.5", NOV_20_16H))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("1.5"), Route.IM, NURSE, NOV_20_16H.minusSeconds(300), null, null))
                .expectNoEvents()
                .expectException(EntryBeforeDrawException.class);
    }

    @Test
    void aReceiptDatedBeforeItsProductWasRegisteredIsRefused() {
        FakeCatalogue catalogue = new FakeCatalogue()
                .with(
                        PRACTICE,
                        new ProductFacts(
                                VIAL_NDC, VIAL.substance(), VIAL.strength(), VIAL.containerSize(), NOV_20_12H));
        fixture(catalogue, new FakeLocations().with(PRACTICE, SAFE), clients(), StockFixtures.practitioners())
                .givenNoPriorActivity()
                .when(receiveAt(NOV_20_10H))
                .expectNoEvents()
                .expectException(NotYetRegisteredException.class);
    }

    @Test
    void aReceiptDatedBeforeItsLocationWasRegisteredIsRefused() {
        fixture(
                        catalogue(),
                        new FakeLocations().with(PRACTICE, SAFE, NOV_20_12H),
                        clients(),
                        StockFixtures.practitioners())
                .givenNoPriorActivity()
                .when(receiveAt(NOV_20_10H))
                .expectNoEvents()
                .expectException(NotYetRegisteredException.class);
    }

    @Test
    void aDrawForAClientDatedBeforeTheirRegistrationIsRefused() {
        FakeClients clients = new FakeClients().with(new ClientRef(PRACTICE, CLIENT_ID), NOV_20_16H.plusSeconds(60));
        fixture(catalogue(), locations(), clients, StockFixtures.practitioners())
                .given(received())
                .when(new DrawDoseCommand(LOT, "draw-1", ml("1"), CLIENT_ID, SESSION_ID, NURSE, NOV_20_16H, null, null))
                .expectNoEvents()
                .expectException(NotYetRegisteredException.class);
    }

    @Test
    void anActBeforeADeactivationStandsWhenRecordedAfterIt() {
        FakePractitioners practitioners = StockFixtures.practitioners()
                .registered(PRACTICE, "rn-left", Instant.EPOCH, NOV_20_12H, PractitionerRole.NURSE);
        fixture(catalogue(), locations(), clients(), practitioners)
                .given(received())
                .when(new DrawDoseCommand(
                        LOT, "draw-1", ml("1"), CLIENT_ID, SESSION_ID, "rn-left", NOV_20_10H, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        ml("1"),
                        mg("50"),
                        CLIENT_ID,
                        SESSION_ID,
                        "rn-left",
                        ml("49"),
                        NOV_20_10H,
                        null));
    }

    @Test
    void anActAfterADeactivationIsRefusedWhenRecorded() {
        FakePractitioners practitioners = StockFixtures.practitioners()
                .registered(PRACTICE, "rn-left", Instant.EPOCH, NOV_20_12H, PractitionerRole.NURSE);
        fixture(catalogue(), locations(), clients(), practitioners)
                .given(received())
                .when(new DrawDoseCommand(
                        LOT, "draw-1", ml("1"), CLIENT_ID, SESSION_ID, "rn-left", NOV_20_13H, null, null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void anActBeforeThePractitionerWasRegisteredIsRefused() {
        FakePractitioners practitioners =
                StockFixtures.practitioners().registered(PRACTICE, "rn-new", NOV_20_12H, null, PractitionerRole.NURSE);
        fixture(catalogue(), locations(), clients(), practitioners)
                .given(received())
                .when(new DrawDoseCommand(
                        LOT, "draw-1", ml("1"), CLIENT_ID, SESSION_ID, "rn-new", NOV_20_10H, null, null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aCorrectionTakesEffectWhenTheCorrectedEntryOccurredAndMayNotLeaveALaterMomentBelowZero() {
        FixtureConfiguration<StockLot> fixture = fixture();
        TestExecutor<StockLot> given = fixture.given(received(), drawnAt("draw-1", "40", "2000", "10", NOV_20_10H));
        String receipt = givenEventIds(fixture, LOT).get(0);
        // 50 mL corrected to 20 mL would have left the 40 mL draw with nothing to draw from
        given.when(new CorrectEntryCommand(
                        LOT,
                        "correction-1",
                        receipt,
                        ml("20"),
                        "invoice said 2 vials",
                        NURSE,
                        PRESCRIBER,
                        NOV_20_16H,
                        null))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aDiscrepancyIsApprovedOnlyByAPrescriberWithADeaRegistrationOnRecord() {
        FakePractitioners practitioners = StockFixtures.practitioners()
                .withDeaNumberOnly(PRACTICE, "dr-number-only", PractitionerRole.PRESCRIBER);
        fixture(catalogue(), locations(), clients(), practitioners)
                .given(
                        received(),
                        new DiscrepancyRecordedEvent(LOT, "count-1", ml("50"), ml("49"), ml("-1"), NOV_20_12H))
                .when(new ResolveDiscrepancyCommand(
                        LOT, "count-1", "spilled while counting", true, NURSE, "dr-number-only", NOV_20_16H, null))
                .expectNoEvents()
                .expectException(PractitionerCredentialException.class);
    }

    @Test
    void aDiscrepancyApprovedByAPrescriberWithoutDeaNumberIsRefused() {
        fixture()
                .given(
                        received(),
                        new DiscrepancyRecordedEvent(LOT, "count-1", ml("50"), ml("49"), ml("-1"), NOV_20_12H))
                .when(new ResolveDiscrepancyCommand(
                        LOT,
                        "count-1",
                        "spilled while counting",
                        true,
                        NURSE,
                        PRESCRIBER_WITHOUT_DEA,
                        NOV_20_16H,
                        null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aDiscrepancyApprovedByARegisteredPrescriberIsResolved() {
        fixture()
                .given(
                        received(),
                        new DiscrepancyRecordedEvent(LOT, "count-1", ml("50"), ml("49"), ml("-1"), NOV_20_12H))
                .when(new ResolveDiscrepancyCommand(
                        LOT, "count-1", "spilled while counting", true, NURSE, OTHER_PRESCRIBER, NOV_20_16H, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLotReceivedAfterItsExpiryIsRecordedAsExpiredWhenReceived() {
        java.time.LocalDate expired = java.time.LocalDate.of(2026, 11, 1);
        fixture()
                .givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        LOT, "receipt-1", expired, 1, SUPPLIER, "INV-1001", NURSE, NOV_20_10H, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReceivedEvent(
                        LOT,
                        "receipt-1",
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        expired,
                        1,
                        ml("10"),
                        ml("10"),
                        mg("500"),
                        SUPPLIER,
                        "INV-1001",
                        NURSE,
                        ml("10"),
                        NOV_20_10H,
                        null,
                        true));
    }

    private static StockReceivedEvent secondReceipt(Instant at) {
        return new StockReceivedEvent(
                LOT,
                "receipt-2",
                Substance.KETAMINE,
                FIFTY_MG_PER_ML,
                EXPIRES_ON,
                5,
                ml("10"),
                ml("50"),
                mg("2500"),
                SUPPLIER,
                "INV-1002",
                NURSE,
                ml("60"),
                at,
                null);
    }

    private static DestroyStockCommand destroy(String id, String ml, Instant at) {
        return new DestroyStockCommand(LOT, id, ml(ml), "incinerated", "clinic", NURSE, TWO_WITNESSES, at, LATE);
    }

    private static ReceiveStockCommand receiveAt(Instant at) {
        return new ReceiveStockCommand(LOT, "receipt-1", EXPIRES_ON, 5, SUPPLIER, "INV-1001", NURSE, at, null);
    }

    private static FakeCatalogue catalogue() {
        return new FakeCatalogue().with(PRACTICE, VIAL);
    }

    private static FakeLocations locations() {
        return new FakeLocations().with(PRACTICE, SAFE).with(PRACTICE, SAFE_2);
    }

    private static FakeClients clients() {
        return new FakeClients().with(new ClientRef(PRACTICE, CLIENT_ID));
    }

    private static FixtureConfiguration<StockLot> fixture() {
        return fixture(catalogue(), locations(), clients(), StockFixtures.practitioners());
    }

    private static FixtureConfiguration<StockLot> fixture(
            FakeCatalogue catalogue, FakeLocations locations, FakeClients clients, FakePractitioners practitioners) {
        FixtureConfiguration<StockLot> fixture = new AggregateTestFixture<>(StockLot.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(
                new FakePractices().with(PRACTICE, ZONE).policies(StockFixtures.POLICIES));
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(locations);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource(practitioners);
        fixture.registerInjectableResource(new FakeConsents());
        fixture.registerInjectableResource(new FakeDosingHistory());
        fixture.registerInjectableResource(StockFixtures.sessions());
        return fixture;
    }
}
