package org.doseledger.core.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.core.shared.ControlledSchedule.II;
import static org.doseledger.core.shared.ControlledSchedule.III;
import static org.doseledger.core.shared.ControlledSchedule.IIIN;
import static org.doseledger.core.shared.ControlledSchedule.IV;
import static org.doseledger.core.shared.ControlledSchedule.V;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practice.api.CloseHistoryImportCommand;
import org.doseledger.core.practice.api.DeaNumberAlreadyRegisteredException;
import org.doseledger.core.practice.api.DeaRegistrationExpiredException;
import org.doseledger.core.practice.api.HistoryImportClosedEvent;
import org.doseledger.core.practice.api.HistoryImportException;
import org.doseledger.core.practice.api.HistoryImportOpenedEvent;
import org.doseledger.core.practice.api.InvalidPolicyException;
import org.doseledger.core.practice.api.InvalidPracticeContactException;
import org.doseledger.core.practice.api.OpenHistoryImportCommand;
import org.doseledger.core.practice.api.PracticeContactRecordedEvent;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practice.api.RecordPracticeContactCommand;
import org.doseledger.core.practice.api.RegisterPracticeCommand;
import org.doseledger.core.practice.api.ScheduleIiiNonNarcoticNotAuthorizedException;
import org.doseledger.core.practice.api.SetPracticePoliciesCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final PostalAddress ADDRESS =
            new PostalAddress("12 Main Street", "Suite 4", "Springfield", "IL", "62701");
    private static final DeaNumber DEA = DeaNumber.of("AB1234563");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 11, 2);

    private FixtureConfiguration<Practice> fixture;

    /** The practices already registered, by DEA number. */
    private final java.util.Map<String, PracticeId> holders = new java.util.HashMap<>();

    private final Practices registry = new Practices() {
        @Override
        public java.util.Optional<ZoneId> timeZone(PracticeId practiceId) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<PracticeId> holderOf(String deaNumber) {
            return java.util.Optional.ofNullable(holders.get(deaNumber));
        }
    };

    @Test
    void cannotRegisterADeaNumberAnotherPracticeHolds() {
        holders.put("AB1234563", PracticeId.of("clinic-2"));

        fixture.givenNoPriorActivity()
                .when(register(LocalDate.of(2028, 6, 30), Set.of(III, IIIN)))
                .expectNoEvents()
                .expectException(DeaNumberAlreadyRegisteredException.class)
                .expectExceptionMessage("DEA registration AB1234563 is already held by practice clinic-2");
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practice.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource((org.doseledger.core.practitioner.api.Practitioners)
                (practice, id) -> id.equals("md-1")
                        ? java.util.Optional.of(new org.doseledger.core.practitioner.api.PractitionerFacts(
                                id,
                                true,
                                Set.of(org.doseledger.core.practitioner.api.PractitionerRole.PRESCRIBER),
                                false))
                        : java.util.Optional.empty());
    }

    @Test
    void paperHistoryIsOpenedAsAnImportOfAPastPeriodAttestedByAPractitioner() {
        OpenHistoryImportCommand open = new OpenHistoryImportCommand(
                PRACTICE,
                "binder-2025",
                "Controlled substance binder 2025",
                "ab".repeat(32),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "md-1",
                REGISTERED_AT);
        fixture.given(registeredPractice())
                .when(open)
                .expectEvents(new HistoryImportOpenedEvent(
                        PRACTICE,
                        "binder-2025",
                        "Controlled substance binder 2025",
                        "ab".repeat(32),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        "md-1",
                        REGISTERED_AT));
    }

    @Test
    void anImportCoversOnlyAPastPeriodAndIsOpenedOnce() {
        HistoryImportOpenedEvent opened = new HistoryImportOpenedEvent(
                PRACTICE,
                "binder-2025",
                "binder",
                "ab".repeat(32),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "md-1",
                REGISTERED_AT);
        fixture.given(registeredPractice(), opened)
                .when(new OpenHistoryImportCommand(
                        PRACTICE,
                        "binder-2025",
                        "binder",
                        "ab".repeat(32),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        "md-1",
                        REGISTERED_AT))
                .expectNoEvents()
                .expectException(HistoryImportException.class)
                .expectExceptionMessage("History import binder-2025 was already opened");
        fixture.given(registeredPractice())
                .when(new OpenHistoryImportCommand(
                        PRACTICE,
                        "future",
                        "binder",
                        "ab".repeat(32),
                        REGISTERED_ON,
                        REGISTERED_ON.plusDays(1),
                        "md-1",
                        REGISTERED_AT))
                .expectNoEvents()
                .expectException(HistoryImportException.class);
    }

    @Test
    void anImportIsAttestedByAnActivePractitionerOfThePractice() {
        fixture.given(registeredPractice())
                .when(new OpenHistoryImportCommand(
                        PRACTICE,
                        "binder",
                        "binder",
                        "ab".repeat(32),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        "nobody",
                        REGISTERED_AT))
                .expectNoEvents()
                .expectException(org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException.class);
    }

    @Test
    void aClosedImportCannotBeClosedAgain() {
        HistoryImportOpenedEvent opened = new HistoryImportOpenedEvent(
                PRACTICE,
                "binder-2025",
                "binder",
                "ab".repeat(32),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "md-1",
                REGISTERED_AT);
        fixture.given(registeredPractice(), opened)
                .when(new CloseHistoryImportCommand(PRACTICE, "binder-2025", "md-1", REGISTERED_AT.plusSeconds(60)))
                .expectEvents(
                        new HistoryImportClosedEvent(PRACTICE, "binder-2025", "md-1", REGISTERED_AT.plusSeconds(60)));
        fixture.given(
                        registeredPractice(),
                        opened,
                        new HistoryImportClosedEvent(PRACTICE, "binder-2025", "md-1", REGISTERED_AT.plusSeconds(60)))
                .when(new CloseHistoryImportCommand(PRACTICE, "binder-2025", "md-1", REGISTERED_AT.plusSeconds(90)))
                .expectNoEvents()
                .expectException(HistoryImportException.class);
    }

    @Test
    void aPracticeRecordsItsPhoneAndContactAfterRegistering() {
        fixture.given(registeredPractice())
                .when(new RecordPracticeContactCommand(
                        PRACTICE, "2175550100", " Dana Whitfield ", REGISTERED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PracticeContactRecordedEvent(
                        PRACTICE, "2175550100", "Dana Whitfield", REGISTERED_AT.plusSeconds(60)));
        fixture.given(registeredPractice())
                .when(new RecordPracticeContactCommand(
                        PRACTICE, "(217) 555-0100", "Dana Whitfield", REGISTERED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectException(InvalidPracticeContactException.class);
    }

    private static PracticeRegisteredEvent registeredPractice() {
        return new PracticeRegisteredEvent(
                PRACTICE,
                "Springfield Ketamine Clinic",
                ADDRESS,
                "AB1234563",
                REGISTERED_ON.plusYears(1),
                List.of(III, IIIN),
                "America/Chicago",
                REGISTERED_AT);
    }

    @Test
    void canRegisterAPractice() {
        LocalDate expiresOn = LocalDate.of(2028, 6, 30);

        fixture.givenNoPriorActivity()
                .when(register(expiresOn, new LinkedHashSet<>(List.of(V, IIIN, III, II))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        expiresOn,
                        List.of(II, III, IIIN, V),
                        "America/Chicago",
                        REGISTERED_AT));
    }

    @Test
    void cannotRegisterWithExpiredDeaRegistration() {
        fixture.givenNoPriorActivity()
                .when(register(REGISTERED_ON.minusDays(1), Set.of(II, III, IIIN)))
                .expectNoEvents()
                .expectException(DeaRegistrationExpiredException.class)
                .expectExceptionMessage("DEA registration AB1234563 expired on 2026-11-01,"
                        + " before the practice registered on 2026-11-02");
    }

    @Test
    void cannotRegisterWithoutScheduleIiiNonNarcotic() {
        // ketamine is drug code 7285, schedule 3N: a narcotic-III-only registration does not cover it
        fixture.givenNoPriorActivity()
                .when(register(REGISTERED_ON.plusYears(1), Set.of(II, III, IV, V)))
                .expectNoEvents()
                .expectException(ScheduleIiiNonNarcoticNotAuthorizedException.class);
    }

    @Test
    void canRegisterWithARegistrationThatExpiresOnTheDayOfRegistration() {
        fixture.givenNoPriorActivity()
                .when(register(REGISTERED_ON, Set.of(III, IIIN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        REGISTERED_ON,
                        List.of(III, IIIN),
                        "America/Chicago",
                        REGISTERED_AT));
    }

    @Test
    void theExpiryIsJudgedByThePracticesCalendar() {
        // 2026-11-03T02:00Z is still the evening of November 2 in Chicago
        fixture.givenNoPriorActivity()
                .when(new RegisterPracticeCommand(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        DEA,
                        LocalDate.parse("2026-11-02"),
                        Set.of(III, IIIN),
                        ZoneId.of("America/Chicago"),
                        Instant.parse("2026-11-03T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAdministratorSetsThePracticesPolicies() {
        PracticePolicies strict = new PracticePolicies(true, 20);
        fixture.given(new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        REGISTERED_ON.plusYears(1),
                        List.of(III, IIIN),
                        "America/Chicago",
                        REGISTERED_AT))
                .when(new SetPracticePoliciesCommand(PRACTICE, strict, REGISTERED_AT))
                .expectEvents(new PracticePoliciesSetEvent(PRACTICE, strict, REGISTERED_AT));
    }

    @Test
    void aNegativeIncreaseLimitIsRefused() {
        fixture.given(new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        REGISTERED_ON.plusYears(1),
                        List.of(III, IIIN),
                        "America/Chicago",
                        REGISTERED_AT))
                .when(new SetPracticePoliciesCommand(PRACTICE, new PracticePolicies(true, -5), REGISTERED_AT))
                .expectNoEvents()
                .expectException(InvalidPolicyException.class);
    }

    @Test
    void aNegativeConsentValidityOrAnEmptyLateEntryWindowIsRefused() {
        PracticeRegisteredEvent registered = new PracticeRegisteredEvent(
                PRACTICE,
                "Springfield Ketamine Clinic",
                ADDRESS,
                "AB1234563",
                REGISTERED_ON.plusYears(1),
                List.of(III, IIIN),
                "America/Chicago",
                REGISTERED_AT);
        fixture.given(registered)
                .when(new SetPracticePoliciesCommand(PRACTICE, new PracticePolicies(false, 25, 24, -1), REGISTERED_AT))
                .expectNoEvents()
                .expectException(InvalidPolicyException.class);
        fixture.given(registered)
                .when(new SetPracticePoliciesCommand(PRACTICE, new PracticePolicies(false, 25, 0, 30), REGISTERED_AT))
                .expectNoEvents()
                .expectException(InvalidPolicyException.class);
    }

    @Test
    void aNegativeAccessLogReviewIntervalIsRefused() {
        PracticeRegisteredEvent registered = new PracticeRegisteredEvent(
                PRACTICE,
                "Springfield Ketamine Clinic",
                ADDRESS,
                "AB1234563",
                REGISTERED_ON.plusYears(1),
                List.of(III, IIIN),
                "America/Chicago",
                REGISTERED_AT);
        fixture.given(registered)
                .when(new SetPracticePoliciesCommand(
                        PRACTICE, new PracticePolicies(false, 25, 24, 0, false, -1), REGISTERED_AT))
                .expectNoEvents()
                .expectException(InvalidPolicyException.class);
    }

    @Test
    void policiesWithoutAnAccessLogReviewIntervalTakeTheDefault() {
        assertThat(new PracticePolicies(false, 25, 24, 0, false, null).accessLogReviewDays())
                .isEqualTo(PracticePolicies.DEFAULT_ACCESS_LOG_REVIEW_DAYS);
        assertThat(PracticePolicies.DEFAULTS.accessLogReviewDays()).isEqualTo(30);
    }

    private static RegisterPracticeCommand register(LocalDate expiresOn, Set<ControlledSchedule> schedules) {
        return new RegisterPracticeCommand(
                PRACTICE,
                "Springfield Ketamine Clinic",
                ADDRESS,
                DEA,
                expiresOn,
                schedules,
                ZoneId.of("America/Chicago"),
                REGISTERED_AT);
    }
}
