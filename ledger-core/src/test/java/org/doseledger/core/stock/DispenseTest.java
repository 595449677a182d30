package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockEvents.receivedExpiringOn;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.OTHER_NURSE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER_WITHOUT_DEA;
import static org.doseledger.core.stock.StockFixtures.PRESCRIPTION;
import static org.doseledger.core.stock.StockFixtures.THERAPIST;
import static org.doseledger.core.stock.StockFixtures.mg;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidPrescriptionException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotExpiredException;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.Prescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Take-home doses dispensed from practice stock on a prescriber's order. */
class DispenseTest {

    private static final Instant DISPENSED_AT = Instant.parse("2026-11-20T17:00:00Z");
    /** The take-home rule of nurses is RegistrantRulesTest's: here the practice lets nurses dispense. */
    private static final PracticePolicies NURSES_DISPENSE =
            new PracticePolicies(false, 25, 24, 0, false, 30, false, true);

    private FixtureConfiguration<StockLot> fixture;

    @BeforeEach
    void setUp() {
        // the take-home rule of nurses is RegistrantRulesTest's: here the practice lets nurses dispense
        fixture = StockFixtures.newFixture(new FakeDosingHistory(), NURSES_DISPENSE);
    }

    @Test
    void dispensingATakeHomeDoseIsReportableToThePdmpAndLowersTheBalance() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, NURSE, 7))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dispensed("dispensation-1", "2", "100", 7, "48"));
    }

    @Test
    void aPrescriberMayDispenseTheirOwnOrder() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, PRESCRIBER, 7))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DoseDispensedEvent(
                        LOT,
                        "dispensation-1",
                        ml("2"),
                        mg("100"),
                        Route.SUBLINGUAL,
                        CLIENT_ID,
                        PRESCRIBER,
                        PRESCRIBER,
                        7,
                        true,
                        ml("48"),
                        DISPENSED_AT,
                        null,
                        PRESCRIPTION));
    }

    @Test
    void canDispenseTheWholeBalance() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("50"), CLIENT_ID, PRESCRIBER, NURSE, 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dispensed("dispensation-1", "50", "2500", 30, "0"));
    }

    @Test
    void aNurseCannotBeThePrescriber() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, OTHER_NURSE, NURSE, 7))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aPrescriberWithoutADeaRegistrationCannotPrescribe() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER_WITHOUT_DEA, NURSE, 7))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aTherapistCannotDispense() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, THERAPIST, 7))
                .expectNoEvents()
                .expectException(PractitionerNotAuthorizedException.class);
    }

    @Test
    void aDispensationNeedsAtLeastOneDaysSupply() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, NURSE, 0))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void cannotDispenseNothing() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("0"), CLIENT_ID, PRESCRIBER, NURSE, 7))
                .expectNoEvents()
                .expectException(InvalidQuantityException.class);
    }

    @Test
    void cannotDispenseToAnUnknownClient() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("2"), "c-99", PRESCRIBER, NURSE, 7))
                .expectNoEvents()
                .expectException(UnknownRecordException.class)
                .expectExceptionMessage("Unknown client 'c-99'");
    }

    @Test
    void cannotDispenseMoreThanTheBalance() {
        fixture.given(received())
                .when(dispense("dispensation-1", ml("50.001"), CLIENT_ID, PRESCRIBER, NURSE, 7))
                .expectNoEvents()
                .expectException(InsufficientStockException.class);
    }

    @Test
    void cannotDispenseFromAnExpiredLot() {
        fixture.given(receivedExpiringOn(LocalDate.of(2026, 11, 19)))
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, NURSE, 7))
                .expectNoEvents()
                .expectException(LotExpiredException.class);
    }

    @Test
    void aDispensationIdNamesOneDispensation() {
        fixture.given(received(), dispensed("dispensation-1", "2", "100", 7, "48"))
                .when(dispense("dispensation-1", ml("2"), CLIENT_ID, PRESCRIBER, NURSE, 7))
                .expectNoEvents()
                .expectException(EntryAlreadyRecordedException.class);
    }

    @Test
    void aTakeHomeDoseNeedsItsPrescription() {
        fixture.given(received())
                .when(dispenseOn(null))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage(
                        "A take-home dose needs its prescription: number, day written and payment type");
    }

    @Test
    void aPrescriptionNeedsAPaymentType() {
        fixture.given(received())
                .when(dispenseOn(new Prescription("RX-1001", LocalDate.of(2026, 11, 18), 0, null)))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class);
    }

    @Test
    void aPrescriptionCannotBeDispensedBeforeTheDayItWasWritten() {
        fixture.given(received())
                .when(dispenseOn(new Prescription("RX-1001", LocalDate.of(2026, 11, 21), 0, PaymentType.PRIVATE_PAY)))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage("Prescription RX-1001 written on 2026-11-21 cannot be dispensed on 2026-11-20,"
                        + " before it was written");
    }

    @Test
    void aPrescriptionWrittenOnTheDayOfDispensingIsValid() {
        Prescription sameDay = new Prescription("RX-1001", LocalDate.of(2026, 11, 20), 5, PaymentType.MEDICARE);
        fixture.given(received())
                .when(dispenseOn(sameDay))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dispensedOn(sameDay, 0));
    }

    @Test
    void aScheduleThreePrescriptionIsFilledWithinSixMonthsOfBeingWritten() {
        fixture.given(received())
                .when(dispenseOn(new Prescription("RX-1001", LocalDate.of(2026, 5, 19), 0, PaymentType.PRIVATE_PAY)))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage("Prescription RX-1001 written on 2026-05-19 cannot be dispensed on 2026-11-20:"
                        + " a Schedule III prescription is filled within six months of being written");
        fixture.given(received())
                .when(dispenseOn(new Prescription("RX-1001", LocalDate.of(2026, 5, 20), 0, PaymentType.PRIVATE_PAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aScheduleThreePrescriptionAuthorizesAtMostFiveRefills() {
        fixture.given(received())
                .when(dispenseOn(new Prescription("RX-1001", LocalDate.of(2026, 11, 18), 6, PaymentType.PRIVATE_PAY)))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage(
                        "Prescription RX-1001 authorizes 6 refills; a Schedule III prescription allows 0 to 5");
    }

    @Test
    void aPrescriptionNumberFitsThePdmpFile() {
        fixture.given(received())
                .when(dispenseOn(new Prescription(
                        "RX-12345678901234567890123", LocalDate.of(2026, 11, 18), 0, PaymentType.PRIVATE_PAY)))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage("Prescription number RX-12345678901234567890123 is longer than 25 characters");
    }

    @Test
    void aRefillIsNumberedAndAPrescriptionIsFilledNoMoreThanItsRefillsAllow() {
        Prescription oneRefill = new Prescription("RX-1001", LocalDate.of(2026, 11, 18), 1, PaymentType.PRIVATE_PAY);
        StockFixtures.newFixture(new FakeDosingHistory().filled("RX-1001", CLIENT_ID), NURSES_DISPENSE)
                .given(received())
                .when(dispenseOn(oneRefill))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dispensedOn(oneRefill, 1));
        StockFixtures.newFixture(
                        new FakeDosingHistory().filled("RX-1001", CLIENT_ID).filled("RX-1001", CLIENT_ID),
                        NURSES_DISPENSE)
                .given(received())
                .when(dispenseOn(oneRefill))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage("Prescription RX-1001 authorizes 1 refill(s) and was filled 2 time(s) already");
    }

    @Test
    void aPrescriptionIsFilledForOneClient() {
        StockFixtures.newFixture(new FakeDosingHistory().filled("RX-1001", "c-other"), NURSES_DISPENSE)
                .given(received())
                .when(dispenseOn(PRESCRIPTION))
                .expectNoEvents()
                .expectException(InvalidPrescriptionException.class)
                .expectExceptionMessage(
                        "Prescription RX-1001 was filled for another client: a prescription is for one client");
    }

    /** 2 mL of the 50 mL lot dispensed by the nurse as dispensation-1, on this fill of the prescription. */
    private static DoseDispensedEvent dispensedOn(Prescription prescription, int fillNumber) {
        return new DoseDispensedEvent(
                LOT,
                "dispensation-1",
                ml("2"),
                mg("100"),
                Route.SUBLINGUAL,
                CLIENT_ID,
                PRESCRIBER,
                NURSE,
                7,
                true,
                ml("48"),
                DISPENSED_AT,
                null,
                prescription,
                fillNumber);
    }

    private static DispenseDoseCommand dispenseOn(Prescription prescription) {
        return new DispenseDoseCommand(
                LOT,
                "dispensation-1",
                ml("2"),
                Route.SUBLINGUAL,
                CLIENT_ID,
                PRESCRIBER,
                NURSE,
                7,
                prescription,
                DISPENSED_AT,
                null);
    }

    private static DispenseDoseCommand dispense(
            String dispensationId,
            Quantity quantity,
            String clientId,
            String prescribedBy,
            String dispensedBy,
            int daysSupply) {
        return new DispenseDoseCommand(
                LOT,
                dispensationId,
                quantity,
                Route.SUBLINGUAL,
                clientId,
                prescribedBy,
                dispensedBy,
                daysSupply,
                PRESCRIPTION,
                DISPENSED_AT,
                null);
    }

    private static DoseDispensedEvent dispensed(
            String dispensationId, String quantity, String milligrams, int daysSupply, String balanceAfter) {
        return new DoseDispensedEvent(
                LOT,
                dispensationId,
                ml(quantity),
                mg(milligrams),
                Route.SUBLINGUAL,
                CLIENT_ID,
                PRESCRIBER,
                NURSE,
                daysSupply,
                true,
                ml(balanceAfter),
                DISPENSED_AT,
                null,
                PRESCRIPTION);
    }
}
