package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockEvents.receivedExpiringOn;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.SUPPLIER;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.ReturnStockCommand;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockReturnedEvent;
import org.doseledger.core.stock.api.TwoWitnessesRequiredException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stock leaving the practice other than as a dose: returned to a supplier, or destroyed on DEA Form 41. */
class ReturnAndDestructionTest {

    private static final Instant DISPOSED_AT = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate EXPIRED_YESTERDAY = LocalDate.of(2026, 11, 19);
    private static final String RECALL = "manufacturer recall";
    private static final String METHOD = "chemical digestion (Rx Destroyer)";
    private static final String PLACE = "clinic-1 medication room";

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void aWitnessedReturnLowersTheBalance() {
        fixture.given(received())
                .when(returnStock("return-1", ml("20"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReturnedEvent(
                        LOT,
                        "return-1",
                        ml("20"),
                        mg("1000"),
                        SUPPLIER,
                        RECALL,
                        NURSE,
                        PRESCRIBER,
                        ml("30"),
                        DISPOSED_AT,
                        null));
    }

    @Test
    void aReturnNeedsAWitness() {
        fixture.given(received())
                .when(returnStock("return-1", ml("20"), NURSE, null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void theWitnessOfAReturnIsAnotherPerson() {
        fixture.given(received())
                .when(returnStock("return-1", ml("20"), NURSE, NURSE))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void anExpiredLotCanBeReturned() {
        fixture.given(receivedExpiringOn(EXPIRED_YESTERDAY))
                .when(returnStock("return-1", ml("50"), NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReturnedEvent(
                        LOT,
                        "return-1",
                        ml("50"),
                        mg("2500"),
                        SUPPLIER,
                        RECALL,
                        NURSE,
                        PRESCRIBER,
                        ml("0"),
                        DISPOSED_AT,
                        null));
    }

    @Test
    void cannotReturnMoreThanTheBalance() {
        fixture.given(received())
                .when(returnStock("return-1", ml("50.001"), NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aDestructionStatesFullContainersAndThePartialCount() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("25"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(destroyed("destruction-1", "25", "1250", 2, "5", "25"));
    }

    @Test
    void aDestructionOfWholeContainersHasAZeroPartialCount() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(destroyed("destruction-1", "20", "1000", 2, "0", "30"));
    }

    @Test
    void aDestructionOfLessThanAContainerIsAllPartial() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("0.75"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(destroyed("destruction-1", "0.75", "37.5", 0, "0.75", "49.25"));
    }

    @Test
    void anExpiredLotCanBeDestroyed() {
        fixture.given(receivedExpiringOn(EXPIRED_YESTERDAY))
                .when(destroy("destruction-1", ml("50"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(destroyed("destruction-1", "50", "2500", 5, "0", "0"));
    }

    @Test
    void aDestructionNeedsTwoWitnessesNotOne() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER)))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    @Test
    void aDestructionNeedsWitnesses() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, null))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    @Test
    void theTwoWitnessesOfADestructionAreDifferentPeople() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, PRESCRIBER)))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    @Test
    void thePersonDestroyingStockCannotWitnessIt() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, NURSE)))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    @Test
    void aDestructionHasNoMoreThanTwoWitnesses() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, OTHER_NURSE, THERAPIST)))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    @Test
    void aWitnessOfADestructionMustBeAPractitionerOfThePractice() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, "stranger")))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aTherapistCannotDestroyStock() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("20"), THERAPIST, List.of(PRESCRIBER, NURSE)))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void cannotDestroyMoreThanTheBalance() {
        fixture.given(received())
                .when(destroy("destruction-1", ml("50.001"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aDestructionIdNamesOneDestruction() {
        fixture.given(received(), destroyed("destruction-1", "20", "1000", 2, "0", "30"))
                .when(destroy("destruction-1", ml("20"), NURSE, List.of(PRESCRIBER, OTHER_NURSE)))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    private static ReturnStockCommand returnStock(
            String returnId, Quantity quantity, String returnedBy, String witnessedBy) {
        return new ReturnStockCommand(
                LOT, returnId, quantity, SUPPLIER, RECALL, returnedBy, witnessedBy, DISPOSED_AT, null);
    }

    private static DestroyStockCommand destroy(
            String destructionId, Quantity quantity, String destroyedBy, List<String> witnessedBy) {
        return new DestroyStockCommand(
                LOT, destructionId, quantity, METHOD, PLACE, destroyedBy, witnessedBy, DISPOSED_AT, null);
    }

    private static StockDestroyedEvent destroyed(
            String destructionId,
            String quantity,
            String milligrams,
            int fullContainers,
            String partialQuantity,
            String balanceAfter) {
        return new StockDestroyedEvent(
                LOT,
                destructionId,
                ml(quantity),
                mg(milligrams),
                ml("10"),
                fullContainers,
                ml(partialQuantity),
                METHOD,
                PLACE,
                NURSE,
                List.of(PRESCRIBER, OTHER_NURSE),
                ml(balanceAfter),
                DISPOSED_AT,
                null);
    }
}
