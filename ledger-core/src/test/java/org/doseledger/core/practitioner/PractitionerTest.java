package org.doseledger.core.practitioner;

import static org.doseledger.core.practitioner.api.PractitionerRole.MONITOR;
import static org.doseledger.core.practitioner.api.PractitionerRole.NURSE;
import static org.doseledger.core.practitioner.api.PractitionerRole.PRESCRIBER;
import static org.doseledger.core.practitioner.api.PractitionerRole.THERAPIST;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practitioner.api.DeactivatePractitionerCommand;
import org.doseledger.core.practitioner.api.InvalidPractitionerIdentityException;
import org.doseledger.core.practitioner.api.PractitionerAlreadyInactiveException;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerIdentityRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.PrescriberNeedsDeaNumberException;
import org.doseledger.core.practitioner.api.RecordPractitionerIdentityCommand;
import org.doseledger.core.practitioner.api.RegisterPractitionerCommand;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PractitionerTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final Instant DEACTIVATED_AT = Instant.parse("2026-11-19T17:00:00Z");

    private FixtureConfiguration<Practitioner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
    }

    @Test
    void canRegisterAPrescriberWithSortedRolesAndTheirDeaNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        inThisOrder(MONITOR, PRESCRIBER),
                        DeaNumber.of("MX3141594"),
                        REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PractitionerRegisteredEvent(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        List.of(PRESCRIBER, MONITOR),
                        "MX3141594",
                        REGISTERED_AT));
    }

    @Test
    void canRegisterANurseWithoutADeaNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE, "nurse-ann", "Ann Carver", inThisOrder(THERAPIST, NURSE), null, REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PractitionerRegisteredEvent(
                        PRACTICE, "nurse-ann", "Ann Carver", List.of(NURSE, THERAPIST), null, REGISTERED_AT));
    }

    @Test
    void aPrescriberIsRegisteredWithTheLegalNameAndNpiThePdmpFileReports() {
        PersonName legalName = new PersonName("Bo", null, "Lindqvist");
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        Set.of(PRESCRIBER),
                        DeaNumber.of("MX3141594"),
                        REGISTERED_AT,
                        legalName,
                        "1234567893"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PractitionerRegisteredEvent(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        List.of(PRESCRIBER),
                        "MX3141594",
                        REGISTERED_AT,
                        legalName,
                        "1234567893"));
    }

    @Test
    void anNpiMustPassItsCheckDigit() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        Set.of(PRESCRIBER),
                        DeaNumber.of("MX3141594"),
                        REGISTERED_AT,
                        null,
                        "1234567890"))
                .expectNoEvents()
                .expectException(InvalidPractitionerIdentityException.class)
                .expectExceptionMessage("NPI 1234567890 fails its check digit (expected 3)");
    }

    @Test
    void aLegalNameHasAGivenAndAFamilyName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE,
                        "dr-bo",
                        "Dr. Bo Lindqvist",
                        Set.of(PRESCRIBER),
                        DeaNumber.of("MX3141594"),
                        REGISTERED_AT,
                        new PersonName(null, null, "Lindqvist"),
                        null))
                .expectNoEvents()
                .expectException(InvalidPractitionerIdentityException.class);
    }

    @Test
    void aLegalNameAndNpiAreRecordedForAPractitionerRegisteredWithoutThem() {
        PersonName legalName = new PersonName("Bo", null, "Lindqvist");
        fixture.given(new PractitionerRegisteredEvent(
                        PRACTICE, "dr-bo", "Dr. Bo Lindqvist", List.of(PRESCRIBER), "MX3141594", REGISTERED_AT))
                .when(new RecordPractitionerIdentityCommand(PRACTICE, "dr-bo", legalName, "1234567893", DEACTIVATED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PractitionerIdentityRecordedEvent(
                        PRACTICE, "dr-bo", legalName, "1234567893", DEACTIVATED_AT));
    }

    @Test
    void anIdentityRecordedLaterNeedsALegalNameAndAValidNpi() {
        fixture.given(new PractitionerRegisteredEvent(
                        PRACTICE, "dr-bo", "Dr. Bo Lindqvist", List.of(PRESCRIBER), "MX3141594", REGISTERED_AT))
                .when(new RecordPractitionerIdentityCommand(PRACTICE, "dr-bo", null, "1234567893", DEACTIVATED_AT))
                .expectNoEvents()
                .expectException(InvalidPractitionerIdentityException.class);
        fixture.given(new PractitionerRegisteredEvent(
                        PRACTICE, "dr-bo", "Dr. Bo Lindqvist", List.of(PRESCRIBER), "MX3141594", REGISTERED_AT))
                .when(new RecordPractitionerIdentityCommand(
                        PRACTICE, "dr-bo", new PersonName("Bo", null, "Lindqvist"), "1234567890", DEACTIVATED_AT))
                .expectNoEvents()
                .expectException(InvalidPractitionerIdentityException.class);
    }

    @Test
    void aPrescriberNeedsADeaNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPractitionerCommand(
                        PRACTICE, "dr-bo", "Dr. Bo Lindqvist", Set.of(PRESCRIBER, NURSE), null, REGISTERED_AT))
                .expectNoEvents()
                .expectException(PrescriberNeedsDeaNumberException.class);
    }

    @Test
    void canDeactivateAPractitioner() {
        fixture.given(registeredNurse())
                .when(new DeactivatePractitionerCommand(PRACTICE, "nurse-ann", DEACTIVATED_AT, "left the practice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new PractitionerDeactivatedEvent(PRACTICE, "nurse-ann", DEACTIVATED_AT, "left the practice"));
    }

    @Test
    void cannotDeactivateAPractitionerTwice() {
        fixture.given(
                        registeredNurse(),
                        new PractitionerDeactivatedEvent(PRACTICE, "nurse-ann", DEACTIVATED_AT, "left the practice"))
                .when(new DeactivatePractitionerCommand(
                        PRACTICE, "nurse-ann", DEACTIVATED_AT.plusSeconds(60), "left the practice"))
                .expectNoEvents()
                .expectException(PractitionerAlreadyInactiveException.class);
    }

    private static PractitionerRegisteredEvent registeredNurse() {
        return new PractitionerRegisteredEvent(
                PRACTICE, "nurse-ann", "Ann Carver", List.of(NURSE), null, REGISTERED_AT);
    }

    private static Set<PractitionerRole> inThisOrder(PractitionerRole... roles) {
        return new LinkedHashSet<>(List.of(roles));
    }
}
