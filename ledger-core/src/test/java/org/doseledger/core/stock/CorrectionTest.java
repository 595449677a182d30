package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.accountedFor;
import static org.doseledger.core.stock.StockEvents.administered;
import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.givenEventIds;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER_WITHOUT_DEA;
import static org.doseledger.core.stock.StockFixtures.PRESCRIPTION;
import static org.doseledger.core.stock.StockFixtures.SAFE_2;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAlreadyAccountedForException;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.EntryAlreadyCorrectedException;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.EntryNotCorrectableException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.core.stock.api.WasteDoseCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Corrections of earlier entries, which name the corrected event by its identifier. The fixture gives
 * given events identifiers of its own, so each test reads them back after {@code given} (see
 * {@link StockEvents#givenEventIds}).
 */
class CorrectionTest {

    private static final Instant CORRECTED_AT = Instant.parse("2026-11-20T17:30:00Z");
    private static final Instant WASTED_AT = Instant.parse("2026-11-20T17:45:00Z");
    private static final String REASON = "entered from the wrong line of the paper log";
    private static final String WASTE_METHOD = "expelled into drug disposal container";

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void correctingAReceiptDownwardTakesTheDifferenceOffTheBalance() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected(receipt, Movement.RECEIVED, null, "50", ml("40"), "-10", "40"));
    }

    @Test
    void correctingADispensationDownwardGivesTheDifferenceBack() {
        TestExecutor<StockLot> given = fixture.given(
                received(),
                new DoseDispensedEvent(
                        LOT,
                        "dispensation-1",
                        ml("5"),
                        mg("250"),
                        Route.SUBLINGUAL,
                        CLIENT_ID,
                        PRESCRIBER,
                        NURSE,
                        7,
                        true,
                        ml("45"),
                        StockEvents.DRAWN_AT,
                        null,
                        PRESCRIPTION));
        String dispensation = eventId(1);

        given.when(correct("correction-1", dispensation, ml("4"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected(dispensation, Movement.DISPENSED, null, "5", ml("4"), "1", "46"));
    }

    @Test
    void correctingADrawDownwardGivesTheDifferenceBack() {
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"));
        String draw = eventId(1);

        given.when(correct("correction-1", draw, ml("1"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected(draw, Movement.DRAWN, "draw-1", "1.5", ml("1"), "0.5", "49"));
    }

    @Test
    void voidingADrawWithNothingAccountedForReturnsItsQuantity() {
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"));
        String draw = eventId(1);

        given.when(correct("correction-1", draw, null, NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected(draw, Movement.DRAWN, "draw-1", "1.5", null, "1.5", "50"));
    }

    @Test
    void aVoidedDrawIsClosed() {
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"));
        String draw = eventId(1);

        given.andGiven(corrected(draw, Movement.DRAWN, "draw-1", "1.5", null, "1.5", "50"))
                .when(new RecordAdministrationCommand(
                        LOT, "draw-1", ml("0.5"), Route.IM, NURSE, CORRECTED_AT, null, null))
                .expectNoEvents()
                .expectException(DrawAlreadyAccountedForException.class);
    }

    @Test
    void cannotCorrectADrawBelowWhatIsAlreadyAccountedFor() {
        TestExecutor<StockLot> given = fixture.given(
                received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"));
        String draw = eventId(1);

        given.when(correct("correction-1", draw, ml("0.999"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void cannotVoidADrawThatWasPartlyAdministered() {
        TestExecutor<StockLot> given = fixture.given(
                received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"));
        String draw = eventId(1);

        given.when(correct("correction-1", draw, null, NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void correctingADrawDownToWhatIsAccountedForClosesIt() {
        TestExecutor<StockLot> given = fixture.given(
                received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"));
        String draw = eventId(1);

        given.when(correct("correction-1", draw, ml("1"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        corrected(draw, Movement.DRAWN, "draw-1", "1.5", ml("1"), "0.5", "49"),
                        accountedFor("draw-1", "1", "1", "0", CORRECTED_AT));
    }

    @Test
    void correctingAnAdministrationDownwardReopensAClosedDraw() {
        TestExecutor<StockLot> given = fixture.given(
                received(),
                drawn("draw-1", "1.5", "75", "48.5"),
                administered("draw-1", "1.5", "75", "0"),
                accountedFor("draw-1", "1.5", "1.5", "0", StockEvents.ADMINISTERED_AT));
        String administration = eventId(2);

        given.when(correct("correction-1", administration, ml("1"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected(administration, Movement.ADMINISTERED, "draw-1", "1.5", ml("1"), "0", "48.5"));
    }

    @Test
    void aDrawReopenedByACorrectionTakesTheWasteOfTheDifferenceAndClosesAgain() {
        TestExecutor<StockLot> given = fixture.given(
                received(),
                drawn("draw-1", "1.5", "75", "48.5"),
                administered("draw-1", "1.5", "75", "0"),
                accountedFor("draw-1", "1.5", "1.5", "0", StockEvents.ADMINISTERED_AT));
        String administration = eventId(2);

        given.andGiven(corrected(administration, Movement.ADMINISTERED, "draw-1", "1.5", ml("1"), "0", "48.5"))
                .when(new WasteDoseCommand(LOT, "draw-1", ml("0.5"), WASTE_METHOD, NURSE, PRESCRIBER, WASTED_AT, null))
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
    void correctingAnAdministrationSoTheDrawIsFullyAccountedForClosesIt() {
        TestExecutor<StockLot> given = fixture.given(
                received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"));
        String administration = eventId(2);

        given.when(correct("correction-1", administration, ml("1.5"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        corrected(administration, Movement.ADMINISTERED, "draw-1", "1", ml("1.5"), "0", "48.5"),
                        accountedFor("draw-1", "1.5", "1.5", "0", CORRECTED_AT));
    }

    @Test
    void cannotCorrectAnAdministrationAboveWhatWasDrawn() {
        TestExecutor<StockLot> given = fixture.given(
                received(), drawn("draw-1", "1.5", "75", "48.5"), administered("draw-1", "1", "50", "0.5"));
        String administration = eventId(2);

        given.when(correct("correction-1", administration, ml("1.501"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(DrawOverAccountedException.class);
    }

    @Test
    void anEntryIsCorrectedOnce() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.andGiven(corrected(receipt, Movement.RECEIVED, null, "50", ml("40"), "-10", "40"))
                .when(correct("correction-2", receipt, ml("30"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryAlreadyCorrectedException.class);
    }

    @Test
    void aCorrectionIdNamesOneCorrection() {
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"));
        String receipt = eventId(0);
        String draw = eventId(1);

        given.andGiven(corrected(receipt, Movement.RECEIVED, null, "50", ml("40"), "-10", "38.5"))
                .when(correct("correction-1", draw, ml("1"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void aTransferOutIsUndoneByATransferBackNotCorrected() {
        TestExecutor<StockLot> given = fixture.given(
                received(),
                new StockTransferredOutEvent(
                        LOT,
                        "transfer-1",
                        SAFE_2,
                        ml("20"),
                        mg("1000"),
                        EXPIRES_ON,
                        NURSE,
                        PRESCRIBER,
                        ml("30"),
                        StockEvents.DRAWN_AT,
                        null));
        String transfer = eventId(1);

        given.when(correct("correction-1", transfer, ml("10"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void aTransferInIsUndoneByATransferBackNotCorrected() {
        TestExecutor<StockLot> given = fixture.given(new StockTransferredInEvent(
                LOT,
                "transfer-1",
                SAFE_2,
                Substance.KETAMINE,
                FIFTY_MG_PER_ML,
                EXPIRES_ON,
                ml("10"),
                ml("20"),
                mg("1000"),
                NURSE,
                PRESCRIBER,
                ml("20"),
                StockEvents.DRAWN_AT,
                null));
        String transfer = eventId(0);

        given.when(correct("correction-1", transfer, ml("10"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void aCountIsNotAnEntryToCorrect() {
        TestExecutor<StockLot> given = fixture.given(
                received(),
                new StockCountedEvent(
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
                        StockEvents.DRAWN_AT,
                        null));
        String count = eventId(1);

        given.when(correct("correction-1", count, ml("49"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void anUnknownEventCannotBeCorrected() {
        fixture.given(received())
                .when(correct("correction-1", "no-such-event", ml("40"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryNotCorrectableException.class);
    }

    @Test
    void aPrescriberCannotApproveTheirOwnCorrection() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), PRESCRIBER, PRESCRIBER))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void anotherPrescriberMayApproveAPrescribersCorrection() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), PRESCRIBER, OTHER_PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EntryCorrectedEvent(
                        LOT,
                        "correction-1",
                        receipt,
                        Movement.RECEIVED,
                        null,
                        ml("50"),
                        ml("40"),
                        ml("-10"),
                        ml("40"),
                        REASON,
                        PRESCRIBER,
                        OTHER_PRESCRIBER,
                        CORRECTED_AT,
                        null));
    }

    @Test
    void aNurseCannotApproveACorrection() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), NURSE, OTHER_NURSE))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aPrescriberWithoutADeaRegistrationCannotApproveACorrection() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), NURSE, PRESCRIBER_WITHOUT_DEA))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aTherapistCannotCorrectAnEntry() {
        TestExecutor<StockLot> given = fixture.given(received());
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), THERAPIST, PRESCRIBER))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aCorrectionCannotTakeTheBalanceBelowZero() {
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "45", "2250", "5"));
        String receipt = eventId(0);

        given.when(correct("correction-1", receipt, ml("40"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aCorrectionOfAnEntryAboutAClientKeepsItsSealedReason() {
        org.doseledger.core.shared.SealedPersonalData reason =
                new org.doseledger.core.shared.SealedPersonalData("key-1", "bm9uY2U=", "Y2lwaGVy");
        TestExecutor<StockLot> given = fixture.given(received(), drawn("draw-1", "1.5", "75", "48.5"));
        String draw = eventId(1);

        given.when(new CorrectEntryCommand(
                        LOT, "correction-1", draw, ml("1.2"), null, NURSE, PRESCRIBER, CORRECTED_AT, null, reason))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.<Object>matches(
                                        payload -> payload instanceof EntryCorrectedEvent corrected
                                                && corrected.reason() == null
                                                && reason.equals(corrected.sealedReason())))));
    }

    private String eventId(int index) {
        return givenEventIds(fixture, LOT).get(index);
    }

    private static CorrectEntryCommand correct(
            String correctionId, String correctedEventId, Quantity correctedQuantity, String by, String approvedBy) {
        return new CorrectEntryCommand(
                LOT, correctionId, correctedEventId, correctedQuantity, REASON, by, approvedBy, CORRECTED_AT, null);
    }

    /** Correction "correction-1" of an entry, by {@link StockFixtures#NURSE}, approved by {@link StockFixtures#PRESCRIBER}. */
    private static EntryCorrectedEvent corrected(
            String correctedEventId,
            Movement movement,
            String drawId,
            String original,
            Quantity correctedQuantity,
            String balanceChange,
            String balanceAfter) {
        return new EntryCorrectedEvent(
                LOT,
                "correction-1",
                correctedEventId,
                movement,
                drawId,
                ml(original),
                correctedQuantity,
                ml(balanceChange),
                ml(balanceAfter),
                REASON,
                NURSE,
                PRESCRIBER,
                CORRECTED_AT,
                null);
    }
}
