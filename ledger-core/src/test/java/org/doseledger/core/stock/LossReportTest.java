package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidLossReportException;
import org.doseledger.core.stock.api.LossCarrier;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.PoliceReport;
import org.doseledger.core.stock.api.ReportLossCommand;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.junit.jupiter.api.Test;

/**
 * A theft or significant loss (DEA Form 106): DEA is notified by the next business day after the
 * discovery and Form 106 is due 45 days after it, both by the calendar where the practice is
 * (America/Chicago). 2026-11-20 is a Friday.
 */
class LossReportTest {

    private static final String DESCRIPTION = "vial missing from safe at close-of-business count";
    private static final PoliceReport POLICE_REPORT = new PoliceReport("Chicago Police Department", "JH-481516");

    @Test
    void aLossDiscoveredOnAFridayIsNoticedByMondayWithThePoliceReport() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");

        fixtureAt(fridayAfternoon)
                .given(received())
                .when(reportLoss("loss-1", ml("10"), LossType.BREAK_IN, POLICE_REPORT, fridayAfternoon))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockLossReportedEvent(
                        LOT,
                        "loss-1",
                        ml("10"),
                        mg("500"),
                        LossType.BREAK_IN,
                        POLICE_REPORT,
                        DESCRIPTION,
                        NURSE,
                        LocalDate.of(2026, 11, 23),
                        LocalDate.of(2027, 1, 4),
                        ml("40"),
                        fridayAfternoon,
                        null));
    }

    @Test
    void aLossDiscoveredOnASaturdayIsNoticedByMonday() {
        Instant saturdayMorning = Instant.parse("2026-11-21T16:00:00Z");

        fixtureAt(saturdayMorning)
                .given(received())
                .when(reportLoss("loss-1", ml("10"), LossType.OTHER, null, saturdayMorning))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lossReported(LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 5), saturdayMorning));
    }

    @Test
    void aLossDiscoveredOnATuesdayIsNoticedByWednesday() {
        Instant tuesdayMorning = Instant.parse("2026-11-24T16:00:00Z");

        fixtureAt(tuesdayMorning)
                .given(received())
                .when(reportLoss("loss-1", ml("10"), LossType.OTHER, null, tuesdayMorning))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lossReported(LocalDate.of(2026, 11, 25), LocalDate.of(2027, 1, 8), tuesdayMorning));
    }

    @Test
    void aDiscoveryOnFridayEveningInChicagoIsAFridayDiscoveryThoughItIsSaturdayInUtc() {
        // 03:00 UTC on Saturday November 21 is 21:00 on Friday November 20 in Chicago
        Instant fridayEveningInChicago = Instant.parse("2026-11-21T03:00:00Z");

        fixtureAt(fridayEveningInChicago)
                .given(received())
                .when(reportLoss("loss-1", ml("10"), LossType.OTHER, null, fridayEveningInChicago))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        lossReported(LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 4), fridayEveningInChicago));
    }

    @Test
    void aDiscoveryOnThursdayEveningInChicagoIsNoticedByFriday() {
        // 03:00 UTC on Friday November 20 is 21:00 on Thursday November 19 in Chicago
        Instant thursdayEveningInChicago = Instant.parse("2026-11-20T03:00:00Z");

        fixtureAt(thursdayEveningInChicago)
                .given(received())
                .when(reportLoss("loss-1", ml("10"), LossType.OTHER, null, thursdayEveningInChicago))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        lossReported(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 3), thursdayEveningInChicago));
    }

    @Test
    void cannotReportTheLossOfMoreThanTheBalance() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");

        fixtureAt(fridayAfternoon)
                .given(received())
                .when(reportLoss("loss-1", ml("50.001"), LossType.OTHER, null, fridayAfternoon))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void aTherapistCannotReportALoss() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");

        fixtureAt(fridayAfternoon)
                .given(received())
                .when(new ReportLossCommand(
                        LOT, "loss-1", ml("10"), LossType.OTHER, null, DESCRIPTION, THERAPIST, fridayAfternoon, null))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aLossIdNamesOneLoss() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");

        fixtureAt(fridayAfternoon)
                .given(received(), lossReported(LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 4), fridayAfternoon))
                .when(reportLoss("loss-1", ml("10"), LossType.OTHER, null, fridayAfternoon))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void aLossCarriesWhatForm106AsksBeyondTheItems() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");
        PoliceReport report = new PoliceReport("Springfield Police Department", "SPD-26-1142", "2175550911");
        LossDetails details =
                new LossDetails(LocalDate.of(2026, 11, 19), "Sangamon", new java.math.BigDecimal("84.50"), null);

        fixtureAt(fridayAfternoon)
                .given(received())
                .when(new ReportLossCommand(
                        LOT,
                        "loss-1",
                        ml("10"),
                        LossType.BREAK_IN,
                        report,
                        DESCRIPTION,
                        NURSE,
                        fridayAfternoon,
                        null,
                        details))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockLossReportedEvent(
                        LOT,
                        "loss-1",
                        ml("10"),
                        mg("500"),
                        LossType.BREAK_IN,
                        report,
                        DESCRIPTION,
                        NURSE,
                        LocalDate.of(2026, 11, 23),
                        LocalDate.of(2027, 1, 4),
                        ml("40"),
                        fridayAfternoon,
                        null,
                        details));
    }

    @Test
    void aLossCannotHaveHappenedAfterItWasDiscovered() {
        Instant fridayAfternoon = Instant.parse("2026-11-20T17:00:00Z");

        fixtureAt(fridayAfternoon)
                .given(received())
                .when(reportLoss(LossType.OTHER, new LossDetails(LocalDate.of(2026, 11, 21), null, null, null)))
                .expectNoEvents()
                .expectException(InvalidLossReportException.class)
                .expectExceptionMessage(
                        "A loss on 2026-11-21 cannot have been discovered before it happened, on 2026-11-20");
    }

    @Test
    void aLossInTransitNamesItsCarrier() {
        LossCarrier carrier = new LossCarrier("Midwest Medical Courier", "MMC-77120", LocalDate.of(2026, 11, 18));

        fixtureAt(Instant.parse("2026-11-20T17:00:00Z"))
                .given(received())
                .when(reportLoss(LossType.LOST_IN_TRANSIT, null))
                .expectNoEvents()
                .expectException(InvalidLossReportException.class)
                .expectExceptionMessage("A loss in transit names the carrier that held the shipment (DEA Form 106)");
        fixtureAt(Instant.parse("2026-11-20T17:00:00Z"))
                .given(received())
                .when(reportLoss(LossType.LOST_IN_TRANSIT, new LossDetails(null, "Sangamon", null, carrier)))
                .expectSuccessfulHandlerExecution();
        fixtureAt(Instant.parse("2026-11-20T17:00:00Z"))
                .given(received())
                .when(reportLoss(LossType.BREAK_IN, new LossDetails(null, null, null, carrier)))
                .expectNoEvents()
                .expectException(InvalidLossReportException.class);
    }

    @Test
    void theValueOfALossIsNotNegative() {
        fixtureAt(Instant.parse("2026-11-20T17:00:00Z"))
                .given(received())
                .when(reportLoss(LossType.OTHER, new LossDetails(null, null, new java.math.BigDecimal("-1"), null)))
                .expectNoEvents()
                .expectException(InvalidLossReportException.class);
    }

    private static ReportLossCommand reportLoss(LossType type, LossDetails details) {
        return new ReportLossCommand(
                LOT,
                "loss-1",
                ml("10"),
                type,
                null,
                DESCRIPTION,
                NURSE,
                Instant.parse("2026-11-20T17:00:00Z"),
                null,
                details);
    }

    /** The shared fixture with the server clock an hour after the discovery, so the report is timely. */
    private static FixtureConfiguration<StockLot> fixtureAt(Instant discoveredAt) {
        return StockFixtures.newFixture(Clock.fixed(discoveredAt.plusSeconds(3600), ZoneOffset.UTC));
    }

    private static ReportLossCommand reportLoss(
            String lossId, Quantity quantity, LossType lossType, PoliceReport policeReport, Instant discoveredAt) {
        return new ReportLossCommand(
                LOT, lossId, quantity, lossType, policeReport, DESCRIPTION, NURSE, discoveredAt, null);
    }

    /** 10 mL of "other" loss without a police report, from the 50 mL lot. */
    private static StockLossReportedEvent lossReported(
            LocalDate noticeDueOn, LocalDate form106DueOn, Instant discoveredAt) {
        return new StockLossReportedEvent(
                LOT,
                "loss-1",
                ml("10"),
                mg("500"),
                LossType.OTHER,
                null,
                DESCRIPTION,
                NURSE,
                noticeDueOn,
                form106DueOn,
                ml("40"),
                discoveredAt,
                null);
    }
}
