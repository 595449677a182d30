package org.doseledger.core.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.session.api.CancelDosingSessionCommand;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DischargeClientCommand;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.ObservationKind;
import org.doseledger.core.session.api.RecordObservationCommand;
import org.doseledger.core.session.api.RecordRemsFormSubmittedCommand;
import org.doseledger.core.session.api.RecordVitalsCommand;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.session.api.ScheduleDosingSessionCommand;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.session.api.SessionRef;
import org.doseledger.core.session.api.SessionStateException;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.session.api.SpravatoMonitoringException;
import org.doseledger.core.session.api.StartDosingSessionCommand;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DosingSessionTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final SessionRef SESSION = new SessionRef(PRACTICE, "s-1");
    private static final Instant START = Instant.parse("2026-11-20T15:00:00Z");

    private FixtureConfiguration<DosingSession> fixture;
    private Sessions.Administrations administered;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DosingSession.class);
        fixture.registerInjectableResource(
                (Clients) client -> client.clientId().equals("c-42") ? Optional.of(Instant.EPOCH) : Optional.empty());
        fixture.registerInjectableResource((Locations)
                (practice, location) -> location.equals("room-1") ? Optional.of(Instant.EPOCH) : Optional.empty());
        fixture.registerInjectableResource((Practitioners) (practice, id) -> id.equals("rn-1")
                ? Optional.of(new PractitionerFacts(id, true, Set.of(PractitionerRole.NURSE), false))
                : Optional.empty());
        fixture.registerInjectableResource((Practices) practice -> Optional.of(ZoneId.of("America/Chicago")));
        administered = null;
        fixture.registerInjectableResource(new Sessions() {
            @Override
            public Optional<SessionFacts> find(PracticeId practiceId, String sessionId) {
                return Optional.empty();
            }

            @Override
            public Optional<Administrations> administrations(PracticeId practiceId, String sessionId) {
                return Optional.ofNullable(administered);
            }
        });
    }

    @Test
    void aSessionIsScheduledForAKnownClient() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleDosingSessionCommand(SESSION, "c-42", Substance.KETAMINE, START, START))
                .expectEvents(
                        new DosingSessionScheduledEvent(PRACTICE, "s-1", "c-42", Substance.KETAMINE, START, START));
    }

    @Test
    void cannotScheduleForAnUnknownClient() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleDosingSessionCommand(SESSION, "c-99", Substance.KETAMINE, START, START))
                .expectNoEvents()
                .expectException(UnknownRecordException.class);
    }

    @Test
    void aStartedSessionRecordsVitals() {
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new RecordVitalsCommand(SESSION, 128, 82, 74, 98, "rn-1", START.plusSeconds(300)))
                .expectEvents(new VitalsRecordedEvent(
                        PRACTICE, "s-1", "c-42", 128, 82, 74, 98, "rn-1", START.plusSeconds(300)));
    }

    @Test
    void cannotRecordVitalsBeforeTheSessionStarts() {
        fixture.given(scheduled(Substance.KETAMINE))
                .when(new RecordVitalsCommand(SESSION, 128, 82, 74, 98, "rn-1", START))
                .expectNoEvents()
                .expectException(SessionStateException.class);
    }

    @Test
    void anAdverseEventNeedsASeverity() {
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new RecordObservationCommand(
                        SESSION,
                        ObservationKind.ADVERSE_EVENT,
                        null,
                        sealed("description"),
                        sealed("actionTaken"),
                        "rn-1",
                        START))
                .expectNoEvents()
                .expectException(SessionStateException.class);
    }

    @Test
    void aKetamineSessionDischargesWithoutRemsObligation() {
        Instant end = START.plus(Duration.ofMinutes(75));
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new DischargeClientCommand(SESSION, true, sealed("escort"), "rn-1", end))
                .expectEvents(
                        new ClientDischargedEvent(PRACTICE, "s-1", "c-42", true, sealed("escort"), "rn-1", null, end));
    }

    @Test
    void aSpravatoSessionNeedsTwoHoursOfMonitoring() {
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(40), vitals(100))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(105))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class);
    }

    @Test
    void aSpravatoSessionNeedsBloodPressureAtFortyMinutes() {
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(115))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(125))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class);
    }

    @Test
    void aSpravatoSessionIsMonitoredFromTheDoseNotFromTheStart() {
        administered = dosedAt(60);
        Instant end = START.plus(Duration.ofMinutes(182));
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(50), vitals(100), vitals(175))
                .when(new DischargeClientCommand(SESSION, true, sealed("escort"), "rn-1", end))
                .expectEvents(new ClientDischargedEvent(
                        PRACTICE, "s-1", "c-42", true, sealed("escort"), "rn-1", LocalDate.of(2026, 11, 27), end));
    }

    @Test
    void aDischargeTwoHoursAfterTheStartButOneHourAfterTheDoseIsRefused() {
        administered = dosedAt(60);
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(40), vitals(115))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(121))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class)
                .expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("monitoring lasted 61 min after the dose"));
    }

    @Test
    void monitoringAfterSeveralDevicesRunsFromTheLast() {
        administered =
                new Sessions.Administrations(START.plus(Duration.ofMinutes(10)), START.plus(Duration.ofMinutes(20)));
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(55), vitals(125))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(130))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("110 min after the dose"));
    }

    @Test
    void aBloodPressureAfterTheDoseDoesNotCountAsTakenBeforeIt() {
        administered = dosedAt(0);
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(40), vitals(125))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(130))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no blood pressure in the hour before"));
    }

    @Test
    void vitalsWithoutABloodPressureDoNotCountForSpravatoMonitoring() {
        administered = dosedAt(10);
        VitalsRecordedEvent pulseOnly = new VitalsRecordedEvent(
                PRACTICE, "s-1", "c-42", null, null, 80, 97, "rn-1", START.plus(Duration.ofMinutes(50)));
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), pulseOnly, vitals(135))
                .when(new DischargeClientCommand(
                        SESSION, true, sealed("escort"), "rn-1", START.plus(Duration.ofMinutes(140))))
                .expectNoEvents()
                .expectException(SpravatoMonitoringException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("about 40 minutes"));
    }

    @Test
    void vitalsMayLeaveOutBloodPressure() {
        Instant at = START.plusSeconds(300);
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new RecordVitalsCommand(SESSION, null, null, 74, null, "rn-1", at))
                .expectEvents(new VitalsRecordedEvent(PRACTICE, "s-1", "c-42", null, null, 74, null, "rn-1", at));
    }

    @Test
    void vitalsHoldAtLeastOneMeasurement() {
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new RecordVitalsCommand(SESSION, null, null, null, null, "rn-1", START.plusSeconds(300)))
                .expectNoEvents()
                .expectException(SessionStateException.class)
                .expectExceptionMessage("A set of vitals holds at least one measurement");
    }

    @Test
    void aBloodPressureIsBothValuesOrNeither() {
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new RecordVitalsCommand(SESSION, 128, null, 74, 98, "rn-1", START.plusSeconds(300)))
                .expectNoEvents()
                .expectException(SessionStateException.class)
                .expectExceptionMessage("A blood pressure is systolic and diastolic together, or neither");
    }

    @Test
    void aMonitoredSpravatoSessionOpensTheRemsFormObligation() {
        Instant end = START.plus(Duration.ofMinutes(125));
        fixture.given(scheduled(Substance.ESKETAMINE), started(), vitals(5), vitals(40), vitals(115))
                .when(new DischargeClientCommand(SESSION, true, sealed("escort"), "rn-1", end))
                .expectEvents(new ClientDischargedEvent(
                        PRACTICE, "s-1", "c-42", true, sealed("escort"), "rn-1", LocalDate.of(2026, 11, 27), end));
    }

    @Test
    void onlyAScheduledSessionIsCancelled() {
        fixture.given(scheduled(Substance.KETAMINE))
                .when(new CancelDosingSessionCommand(SESSION, sealed("reason"), START))
                .expectEvents(new DosingSessionCancelledEvent(PRACTICE, "s-1", "c-42", sealed("reason"), START));
        fixture.given(scheduled(Substance.KETAMINE), started())
                .when(new CancelDosingSessionCommand(SESSION, sealed("reason"), START))
                .expectNoEvents()
                .expectException(SessionStateException.class);
    }

    @Test
    void aSessionStartsAtALocationOfThePracticeWithAMonitor() {
        fixture.given(scheduled(Substance.KETAMINE))
                .when(new StartDosingSessionCommand(SESSION, "room-9", "rn-1", START))
                .expectNoEvents()
                .expectException(UnknownRecordException.class);
    }

    @Test
    void theRemsFormOfADischargedSpravatoSessionIsSubmittedOnce() {
        Instant end = START.plus(Duration.ofMinutes(125));
        ClientDischargedEvent discharged = new ClientDischargedEvent(
                PRACTICE, "s-1", "c-42", true, sealed("escort"), "rn-1", LocalDate.of(2026, 11, 27), end);
        fixture.given(scheduled(Substance.ESKETAMINE), started(), discharged)
                .when(new RecordRemsFormSubmittedCommand(
                        SESSION, "REMS-77881", true, false, false, true, true, 95, "rn-1", end))
                .expectEvents(new RemsFormSubmittedEvent(
                        PRACTICE, "s-1", "c-42", "REMS-77881", true, false, false, true, true, 95, "rn-1", end));
        fixture.given(
                        scheduled(Substance.ESKETAMINE),
                        started(),
                        discharged,
                        new RemsFormSubmittedEvent(
                                PRACTICE, "s-1", "c-42", "REMS-77881", true, false, false, true, true, 95, "rn-1", end))
                .when(new RecordRemsFormSubmittedCommand(
                        SESSION, "REMS-77882", false, false, false, true, true, 60, "rn-1", end))
                .expectNoEvents()
                .expectException(SessionStateException.class);
    }

    private static DosingSessionScheduledEvent scheduled(Substance substance) {
        return new DosingSessionScheduledEvent(PRACTICE, "s-1", "c-42", substance, START, START.minusSeconds(86_400));
    }

    private static DosingSessionStartedEvent started() {
        return new DosingSessionStartedEvent(PRACTICE, "s-1", "c-42", "room-1", "rn-1", START);
    }

    private static Sessions.Administrations dosedAt(int minutesAfterStart) {
        Instant at = START.plus(Duration.ofMinutes(minutesAfterStart));
        return new Sessions.Administrations(at, at);
    }

    private static VitalsRecordedEvent vitals(int minutesAfterStart) {
        return new VitalsRecordedEvent(
                PRACTICE, "s-1", "c-42", 130, 84, 76, 97, "rn-1", START.plus(Duration.ofMinutes(minutesAfterStart)));
    }

    private static org.doseledger.core.shared.SealedPersonalData sealed(String field) {
        return new org.doseledger.core.shared.SealedPersonalData("key-1", field + "-nonce", field + "-ciphertext");
    }
}
