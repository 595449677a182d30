package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.FIFTY_MG_PER_ML;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SAFE_2;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.VIAL_NDC;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.util.Arrays;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotDetailsMismatchException;
import org.doseledger.core.stock.api.ReceiveTransferCommand;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.TwoWitnessesRequiredException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules that hold even for commands the REST layer would never send. */
class StockLotHardeningTest {

    private static final Instant AT = Instant.parse("2026-11-20T17:00:00Z");
    private static final StockLotRef AT_SAFE_2 = new StockLotRef(PRACTICE, SAFE_2, VIAL_NDC, LOT.lotNumber());

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void aTransferInMustBringAPositiveQuantity() {
        fixture.givenNoPriorActivity()
                .when(transferIn(ml("-5"), ml("10"), NURSE))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void aTransferInMustMatchTheLotsContainerSize() {
        fixture.given(StockEvents.receivedInto(AT_SAFE_2, EXPIRES_ON))
                .when(transferIn(ml("5"), ml("1"), NURSE))
                .expectNoEvents()
                .expectException(LotDetailsMismatchException.class);
    }

    @Test
    void aTransferInIsMadeBySomeoneAllowedToHandleStock() {
        fixture.givenNoPriorActivity()
                .when(transferIn(ml("5"), ml("10"), THERAPIST))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aCountIsNoFinerThanTheUnitAllows() {
        fixture.given(received())
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        Quantity.of("49.9995", StockUnit.ML),
                        true,
                        NURSE,
                        OTHER_NURSE,
                        AT,
                        null))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void aMissingWitnessOfADestructionIsRefusedNotACrash() {
        fixture.given(received())
                .when(new DestroyStockCommand(
                        LOT,
                        "d-1",
                        ml("5"),
                        "incineration",
                        "clinic",
                        NURSE,
                        Arrays.asList(null, PRESCRIBER),
                        AT,
                        null))
                .expectNoEvents()
                .expectException(TwoWitnessesRequiredException.class);
    }

    private static ReceiveTransferCommand transferIn(Quantity quantity, Quantity containerSize, String by) {
        return new ReceiveTransferCommand(
                AT_SAFE_2,
                "transfer-1",
                SAFE,
                Substance.KETAMINE,
                FIFTY_MG_PER_ML,
                EXPIRES_ON,
                containerSize,
                quantity,
                by,
                PRESCRIBER,
                AT,
                null);
    }
}
