package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockEvents.receivedInto;
import static org.doseledger.core.stock.StockFixtures.ANNEX;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SAFE_2;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.LotDetailsMismatchException;
import org.doseledger.core.stock.api.LotExpiryMismatchException;
import org.doseledger.core.stock.api.ReceiveTransferCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.core.stock.api.TransferBetweenRegistrantsException;
import org.doseledger.core.stock.api.TransferStockCommand;
import org.doseledger.core.stock.api.TransferToSameLocationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stock moving between two storage locations of the practice: out of one lot, into the same lot at the other. */
class TransferTest {

    private static final StockLotRef LOT_AT_SAFE_2 = new StockLotRef(PRACTICE, SAFE_2, LOT.ndc(), LOT.lotNumber());
    private static final Instant TRANSFERRED_AT = Instant.parse("2026-11-20T17:00:00Z");

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void aTransferOutCarriesTheLotsExpiryAndLowersTheBalance() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE_2, ml("20"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockTransferredOutEvent(
                        LOT,
                        "transfer-1",
                        SAFE_2,
                        ml("20"),
                        mg("1000"),
                        EXPIRES_ON,
                        NURSE,
                        PRESCRIBER,
                        ml("30"),
                        TRANSFERRED_AT,
                        null));
    }

    @Test
    void cannotTransferToTheLotsOwnLocation() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE, ml("20"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(TransferToSameLocationException.class);
    }

    @Test
    void aTransferToALocationHeldUnderAnotherRegistrationIsADistributionNotATransfer() {
        fixture.given(received())
                .when(transferOut("transfer-1", ANNEX, ml("20"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(TransferBetweenRegistrantsException.class)
                .expectExceptionMessage("Cannot transfer the " + LOT + " to annex-safe: stock there is held under DEA"
                        + " registration BA6125341, here under the practice's DEA registration; moving it is a distribution between"
                        + " registrants, recorded as a return to that registrant and a receipt there");
    }

    @Test
    void cannotTransferToAnUnknownLocation() {
        fixture.given(received())
                .when(transferOut("transfer-1", "safe-9", ml("20"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown location 'safe-9'");
    }

    @Test
    void aTransferNeedsAWitness() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE_2, ml("20"), NURSE, null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void theWitnessOfATransferIsAnotherPerson() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE_2, ml("20"), NURSE, NURSE))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aTherapistCannotTransferStock() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE_2, ml("20"), THERAPIST, NURSE))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void cannotTransferMoreThanTheBalance() {
        fixture.given(received())
                .when(transferOut("transfer-1", SAFE_2, ml("50.001"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aTransferIdNamesOneTransferOut() {
        fixture.given(received(), transferredOut("transfer-1", "20", "1000", "30"))
                .when(transferOut("transfer-1", SAFE_2, ml("10"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void aTransferInCreatesTheLotAtALocationThatNeverHadIt() {
        fixture.givenNoPriorActivity()
                .when(transferIn("transfer-1", EXPIRES_ON, FIFTY_MG_PER_ML, ml("20")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(transferredIn("transfer-1", EXPIRES_ON, "20", "1000", "20"));
    }

    @Test
    void aLotCreatedByATransferInCanBeDrawnFrom() {
        fixture.given(transferredIn("transfer-1", EXPIRES_ON, "20", "1000", "20"))
                .when(new DrawDoseCommand(
                        LOT_AT_SAFE_2, "draw-1", ml("1.5"), CLIENT_ID, SESSION_ID, NURSE, TRANSFERRED_AT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDrawnEvent(
                        LOT_AT_SAFE_2,
                        "draw-1",
                        ml("1.5"),
                        mg("75"),
                        CLIENT_ID,
                        SESSION_ID,
                        NURSE,
                        ml("18.5"),
                        TRANSFERRED_AT,
                        null));
    }

    @Test
    void aTransferIntoAnExistingLotAddsToItsBalance() {
        fixture.given(receivedInto(LOT_AT_SAFE_2, EXPIRES_ON))
                .when(transferIn("transfer-1", EXPIRES_ON, FIFTY_MG_PER_ML, ml("20")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(transferredIn("transfer-1", EXPIRES_ON, "20", "1000", "70"));
    }

    @Test
    void aTransferInWithAnotherExpiryThanTheLotIsRejected() {
        fixture.given(receivedInto(LOT_AT_SAFE_2, EXPIRES_ON))
                .when(transferIn("transfer-1", EXPIRES_ON.plusMonths(1), FIFTY_MG_PER_ML, ml("20")))
                .expectNoEvents()
                .expectException(LotExpiryMismatchException.class);
    }

    @Test
    void aTransferInWithAnotherStrengthThanTheLotIsRejected() {
        Strength hundredMgPerMl = new Strength(new BigDecimal("100"), StockUnit.ML);

        fixture.given(receivedInto(LOT_AT_SAFE_2, EXPIRES_ON))
                .when(transferIn("transfer-1", EXPIRES_ON, hundredMgPerMl, ml("20")))
                .expectNoEvents()
                .expectException(LotDetailsMismatchException.class);
    }

    @Test
    void aTransferInIsBookedOnce() {
        fixture.given(transferredIn("transfer-1", EXPIRES_ON, "20", "1000", "20"))
                .when(transferIn("transfer-1", EXPIRES_ON, FIFTY_MG_PER_ML, ml("20")))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void cannotTransferIntoAnUnknownLocation() {
        StockLotRef unknownLocation = new StockLotRef(PRACTICE, "safe-9", LOT.ndc(), LOT.lotNumber());

        fixture.givenNoPriorActivity()
                .when(new ReceiveTransferCommand(
                        unknownLocation,
                        "transfer-1",
                        SAFE,
                        Substance.KETAMINE,
                        FIFTY_MG_PER_ML,
                        EXPIRES_ON,
                        ml("10"),
                        ml("20"),
                        NURSE,
                        PRESCRIBER,
                        TRANSFERRED_AT,
                        null))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown location 'safe-9'");
    }

    private static TransferStockCommand transferOut(
            String transferId, String toLocationId, Quantity quantity, String transferredBy, String witnessedBy) {
        return new TransferStockCommand(
                LOT, transferId, toLocationId, quantity, transferredBy, witnessedBy, TRANSFERRED_AT, null);
    }

    private static StockTransferredOutEvent transferredOut(
            String transferId, String quantity, String milligrams, String balanceAfter) {
        return new StockTransferredOutEvent(
                LOT,
                transferId,
                SAFE_2,
                ml(quantity),
                mg(milligrams),
                EXPIRES_ON,
                NURSE,
                PRESCRIBER,
                ml(balanceAfter),
                TRANSFERRED_AT,
                null);
    }

    private static ReceiveTransferCommand transferIn(
            String transferId, LocalDate expiresOn, Strength strength, Quantity quantity) {
        return new ReceiveTransferCommand(
                LOT_AT_SAFE_2,
                transferId,
                SAFE,
                Substance.KETAMINE,
                strength,
                expiresOn,
                ml("10"),
                quantity,
                NURSE,
                PRESCRIBER,
                TRANSFERRED_AT,
                null);
    }

    private static StockTransferredInEvent transferredIn(
            String transferId, LocalDate expiresOn, String quantity, String milligrams, String balanceAfter) {
        return new StockTransferredInEvent(
                LOT_AT_SAFE_2,
                transferId,
                SAFE,
                Substance.KETAMINE,
                FIFTY_MG_PER_ML,
                expiresOn,
                ml("10"),
                ml(quantity),
                mg(milligrams),
                NURSE,
                PRESCRIBER,
                ml(balanceAfter),
                TRANSFERRED_AT,
                null);
    }
}
