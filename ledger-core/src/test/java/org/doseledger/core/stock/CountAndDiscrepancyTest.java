package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.drawn;
import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER_WITHOUT_DEA;
import static org.doseledger.core.stock.StockFixtures.SESSION_ID;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.SecondPersonRequiredException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DiscrepancyAlreadyResolvedException;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.ResolveDiscrepancyCommand;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Physical counts against the ledger's balance: a count never changes the balance; a difference is an
 * open discrepancy until it is explained and approved, and only then may it be booked.
 */
class CountAndDiscrepancyTest {

    private static final Instant COUNTED_AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2026-11-20T17:30:00Z");
    private static final String SPILL = "0.5 mL spilled while drawing, not logged as waste";
    private static final String MISCOUNT = "opened vial misread at the count";

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockFixtures.newFixture();
    }

    @Test
    void aCountThatMatchesTheBalanceRecordsOnlyTheCount() {
        fixture.given(received())
                .when(count("count-1", ml("50")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(counted("count-1", "50", "50", "0"));
    }

    @Test
    void aShortCountRecordsTheCountAndADiscrepancy() {
        fixture.given(received())
                .when(count("count-1", ml("49.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"));
    }

    @Test
    void anOverCountRecordsAPositiveDiscrepancy() {
        fixture.given(received())
                .when(count("count-1", ml("50.25")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        counted("count-1", "50.25", "50", "0.25"),
                        new DiscrepancyRecordedEvent(LOT, "count-1", ml("50"), ml("50.25"), ml("0.25"), COUNTED_AT));
    }

    @Test
    void anEmptySafeCountsZero() {
        fixture.given(received())
                .when(count("count-1", ml("0")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(counted("count-1", "0", "50", "-50"), shortBy("count-1", "0", "-50"));
    }

    @Test
    void aDiscrepancyDoesNotChangeTheBalance() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(draw("draw-1", ml("50")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drawn("draw-1", "50", "2500", "0"));
    }

    @Test
    void aCountNeedsAWitness() {
        fixture.given(received())
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        ml("50"),
                        true,
                        NURSE,
                        null,
                        COUNTED_AT,
                        null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void theWitnessOfACountIsAnotherPerson() {
        fixture.given(received())
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        ml("50"),
                        true,
                        NURSE,
                        NURSE,
                        COUNTED_AT,
                        null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aTherapistCannotCount() {
        fixture.given(received())
                .when(new RecordCountCommand(
                        LOT,
                        "count-1",
                        CountKind.ROUTINE,
                        CountTiming.CLOSE_OF_BUSINESS,
                        ml("50"),
                        true,
                        THERAPIST,
                        NURSE,
                        COUNTED_AT,
                        null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aCountCannotBeNegative() {
        fixture.given(received())
                .when(count("count-1", ml("-1")))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void aCountIsInTheUnitOfTheLot() {
        fixture.given(received())
                .when(count("count-1", Quantity.of("5", StockUnit.EACH)))
                .expectNoEvents()
                .expectException(QuantityUnitMismatchException.class);
    }

    @Test
    void aCountIdNamesOneCount() {
        fixture.given(received(), counted("count-1", "50", "50", "0"))
                .when(count("count-1", ml("50")))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void resolvingADiscrepancyByTheCountBooksTheDifference() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DiscrepancyResolvedEvent(
                        LOT,
                        "count-1",
                        SPILL,
                        ml("-0.5"),
                        mg("-25"),
                        NURSE,
                        PRESCRIBER,
                        ml("49.5"),
                        RESOLVED_AT,
                        null));
    }

    @Test
    void aBookedDiscrepancyLowersWhatCanBeDrawn() {
        fixture.given(
                        received(),
                        counted("count-1", "49.5", "50", "-0.5"),
                        shortBy("count-1", "49.5", "-0.5"),
                        resolved("count-1", SPILL, "-0.5", "-25", "49.5"))
                .when(draw("draw-1", ml("50")))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void resolvingADiscrepancyAsAMiscountBooksNothing() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(new ResolveDiscrepancyCommand(
                        LOT, "count-1", MISCOUNT, false, NURSE, PRESCRIBER, RESOLVED_AT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DiscrepancyResolvedEvent(
                        LOT, "count-1", MISCOUNT, ml("0"), mg("0"), NURSE, PRESCRIBER, ml("50"), RESOLVED_AT, null));
    }

    @Test
    void aDiscrepancyIsBookedAgainstTheBalanceAsItIsWhenResolved() {
        fixture.given(
                        received(),
                        counted("count-1", "49.5", "50", "-0.5"),
                        shortBy("count-1", "49.5", "-0.5"),
                        drawn("draw-1", "1.5", "75", "48.5"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DiscrepancyResolvedEvent(
                        LOT, "count-1", SPILL, ml("-0.5"), mg("-25"), NURSE, PRESCRIBER, ml("48"), RESOLVED_AT, null));
    }

    @Test
    void bookingAShortfallCannotTakeTheBalanceBelowZero() {
        fixture.given(
                        received(),
                        counted("count-1", "40", "50", "-10"),
                        shortBy("count-1", "40", "-10"),
                        drawn("draw-1", "45", "2250", "5"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aNurseCannotApproveAResolution() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, NURSE, OTHER_NURSE))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aPrescriberWithoutADeaRegistrationCannotApproveAResolution() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER_WITHOUT_DEA))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aPrescriberCannotApproveTheirOwnResolution() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, PRESCRIBER, PRESCRIBER))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void anotherPrescriberMayApproveAPrescribersResolution() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, PRESCRIBER, OTHER_PRESCRIBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DiscrepancyResolvedEvent(
                        LOT,
                        "count-1",
                        SPILL,
                        ml("-0.5"),
                        mg("-25"),
                        PRESCRIBER,
                        OTHER_PRESCRIBER,
                        ml("49.5"),
                        RESOLVED_AT,
                        null));
    }

    @Test
    void aResolutionNeedsAnApprover() {
        fixture.given(received(), counted("count-1", "49.5", "50", "-0.5"), shortBy("count-1", "49.5", "-0.5"))
                .when(resolve("count-1", true, NURSE, null))
                .expectNoEvents()
                .expectException(SecondPersonRequiredException.class);
    }

    @Test
    void aDiscrepancyIsResolvedOnce() {
        fixture.given(
                        received(),
                        counted("count-1", "49.5", "50", "-0.5"),
                        shortBy("count-1", "49.5", "-0.5"),
                        resolved("count-1", SPILL, "-0.5", "-25", "49.5"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(DiscrepancyAlreadyResolvedException.class);
    }

    @Test
    void cannotResolveAnUnknownDiscrepancy() {
        fixture.given(received())
                .when(resolve("count-9", true, NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown discrepancy 'count-9'");
    }

    @Test
    void aCountThatMatchedLeavesNoDiscrepancyToResolve() {
        fixture.given(received(), counted("count-1", "50", "50", "0"))
                .when(resolve("count-1", true, NURSE, PRESCRIBER))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown discrepancy 'count-1'");
    }

    private static RecordCountCommand count(String countId, Quantity counted) {
        return new RecordCountCommand(
                LOT,
                countId,
                CountKind.ROUTINE,
                CountTiming.CLOSE_OF_BUSINESS,
                counted,
                true,
                NURSE,
                OTHER_NURSE,
                COUNTED_AT,
                null);
    }

    private static ResolveDiscrepancyCommand resolve(
            String discrepancyId, boolean adjustToCount, String resolvedBy, String approvedBy) {
        return new ResolveDiscrepancyCommand(
                LOT, discrepancyId, SPILL, adjustToCount, resolvedBy, approvedBy, RESOLVED_AT, null);
    }

    private static DrawDoseCommand draw(String drawId, Quantity quantity) {
        return new DrawDoseCommand(LOT, drawId, quantity, CLIENT_ID, SESSION_ID, NURSE, StockEvents.DRAWN_AT, null);
    }

    private static StockCountedEvent counted(String countId, String counted, String expected, String difference) {
        return new StockCountedEvent(
                LOT,
                countId,
                CountKind.ROUTINE,
                CountTiming.CLOSE_OF_BUSINESS,
                ml(counted),
                ml(expected),
                ml(difference),
                true,
                NURSE,
                OTHER_NURSE,
                COUNTED_AT,
                null);
    }

    /** The discrepancy of a count of the 50 mL lot. */
    private static DiscrepancyRecordedEvent shortBy(String countId, String counted, String difference) {
        return new DiscrepancyRecordedEvent(LOT, countId, ml("50"), ml(counted), ml(difference), COUNTED_AT);
    }

    private static DiscrepancyResolvedEvent resolved(
            String discrepancyId, String explanation, String adjustment, String milligrams, String balanceAfter) {
        return new DiscrepancyResolvedEvent(
                LOT,
                discrepancyId,
                explanation,
                ml(adjustment),
                mg(milligrams),
                NURSE,
                PRESCRIBER,
                ml(balanceAfter),
                RESOLVED_AT,
                null);
    }
}
