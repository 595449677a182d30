package org.doseledger.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.session.api.CancelDosingSessionCommand;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DischargeClientCommand;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.ObservationKind;
import org.doseledger.core.session.api.ObservationRecordedEvent;
import org.doseledger.core.session.api.RecordObservationCommand;
import org.doseledger.core.session.api.RecordRemsFormSubmittedCommand;
import org.doseledger.core.session.api.RecordVitalsCommand;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.session.api.ScheduleDosingSessionCommand;
import org.doseledger.core.session.api.SessionRef;
import org.doseledger.core.session.api.SessionStateException;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.session.api.SpravatoMonitoringException;
import org.doseledger.core.session.api.StartDosingSessionCommand;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;

/**
 * A dosing session: scheduled, started with a monitoring practitioner, vitals and observations, and
 * the client's discharge. Esketamine (Spravato) sessions follow the REMS monitoring rules at
 * discharge and open a patient-monitoring form obligation due within 7 days.
 */
public class DosingSession {

    static final Duration SPRAVATO_MINIMUM_MONITORING = Duration.ofHours(2);
    static final int REMS_FORM_DAYS = 7;

    private enum Status {
        SCHEDULED,
        STARTED,
        DISCHARGED,
        CANCELLED
    }

    @AggregateIdentifier
    private String id;

    private PracticeId practiceId;
    private String sessionId;
    private String clientId;
    private Substance substance;
    private Status status;
    private Instant startedAt;
    private final List<Instant> bloodPressureTakenAt = new ArrayList<>();
    private boolean remsFormDue;

    protected DosingSession() {}

    @CommandHandler
    public DosingSession(ScheduleDosingSessionCommand command, Clients clients) {
        SessionRef ref = command.session();
        if (!ClientRef.isValidClientId(command.clientId())
                || !clients.exists(new ClientRef(ref.practiceId(), command.clientId()))) {
            throw new UnknownRecordException("client", command.clientId());
        }
        apply(new DosingSessionScheduledEvent(
                ref.practiceId(),
                ref.sessionId(),
                command.clientId(),
                command.substance(),
                command.scheduledFor(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(StartDosingSessionCommand command, Locations locations, Practitioners practitioners) {
        requireStatus(Status.SCHEDULED, "SESSION_NOT_SCHEDULED", "start");
        if (!locations.exists(practiceId, command.locationId())) {
            throw new UnknownRecordException("location", command.locationId());
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.monitoredBy(), StockAction.WITNESS, command.startedAt());
        apply(new DosingSessionStartedEvent(
                practiceId, sessionId, clientId, command.locationId(), command.monitoredBy(), command.startedAt()));
    }

    @CommandHandler
    void handle(RecordVitalsCommand command, Practitioners practitioners) {
        requireStatus(Status.STARTED, "SESSION_NOT_IN_PROGRESS", "record vitals in");
        boolean noMeasurement = command.systolicMmHg() == null
                && command.diastolicMmHg() == null
                && command.heartRateBpm() == null
                && command.spo2Percent() == null;
        if (noMeasurement || (command.systolicMmHg() == null) != (command.diastolicMmHg() == null)) {
            throw new SessionStateException(
                    "VITALS_INCOMPLETE",
                    noMeasurement
                            ? "A set of vitals holds at least one measurement"
                            : "A blood pressure is systolic and diastolic together, or neither");
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.takenBy(), StockAction.WITNESS, command.takenAt());
        apply(new VitalsRecordedEvent(
                practiceId,
                sessionId,
                clientId,
                command.systolicMmHg(),
                command.diastolicMmHg(),
                command.heartRateBpm(),
                command.spo2Percent(),
                command.takenBy(),
                command.takenAt()));
    }

    @CommandHandler
    void handle(RecordObservationCommand command, Practitioners practitioners) {
        if (status != Status.STARTED && status != Status.DISCHARGED) {
            throw new SessionStateException(
                    "SESSION_NOT_IN_PROGRESS", "Session " + sessionId + " is " + status + "; nothing to observe");
        }
        if (command.kind() == ObservationKind.ADVERSE_EVENT && command.severity() == null) {
            throw new SessionStateException(
                    "ADVERSE_EVENT_NEEDS_SEVERITY", "An adverse event in session " + sessionId + " needs a severity");
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.recordedBy(), StockAction.WITNESS, command.occurredAt());
        apply(new ObservationRecordedEvent(
                practiceId,
                sessionId,
                clientId,
                command.kind(),
                command.severity(),
                command.description(),
                command.actionTaken(),
                command.recordedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(DischargeClientCommand command, Practitioners practitioners, Practices practices, Sessions sessions) {
        requireStatus(Status.STARTED, "SESSION_NOT_IN_PROGRESS", "discharge from");
        if (command.dischargedAt().isBefore(startedAt)) {
            throw new SessionStateException(
                    "DISCHARGE_BEFORE_START",
                    "Session " + sessionId + " started at " + startedAt + ", after the discharge at "
                            + command.dischargedAt());
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.dischargedBy(), StockAction.WITNESS, command.dischargedAt());
        LocalDate remsFormDueOn = null;
        if (substance == Substance.ESKETAMINE) {
            SpravatoRems.requireMonitoring(
                    sessionId,
                    startedAt,
                    sessions.administrations(practiceId, sessionId),
                    command.dischargedAt(),
                    bloodPressureTakenAt);
            LocalDate dischargedOn = LocalDate.ofInstant(
                    command.dischargedAt(), practices.timeZone(practiceId).orElse(ZoneOffset.UTC));
            remsFormDueOn = dischargedOn.plusDays(REMS_FORM_DAYS);
        }
        apply(new ClientDischargedEvent(
                practiceId,
                sessionId,
                clientId,
                command.criteriaMet(),
                command.escort(),
                command.dischargedBy(),
                remsFormDueOn,
                command.dischargedAt()));
    }

    @CommandHandler
    void handle(RecordRemsFormSubmittedCommand command) {
        if (!remsFormDue) {
            throw new SessionStateException(
                    "NO_REMS_FORM_DUE", "Session " + sessionId + " has no REMS monitoring form outstanding");
        }
        apply(new RemsFormSubmittedEvent(
                practiceId,
                sessionId,
                clientId,
                command.confirmationNumber(),
                command.sedation(),
                command.dissociation(),
                command.respiratoryDepression(),
                command.vitalSignsAcceptableBeforeAdministration(),
                command.vitalSignsAcceptableAtCompletion(),
                command.readyToLeaveAfterMinutes(),
                command.submittedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(CancelDosingSessionCommand command) {
        requireStatus(Status.SCHEDULED, "SESSION_NOT_SCHEDULED", "cancel");
        apply(new DosingSessionCancelledEvent(practiceId, sessionId, clientId, command.reason(), command.occurredAt()));
    }

    private void requireStatus(Status expected, String code, String action) {
        if (status != expected) {
            throw new SessionStateException(
                    code,
                    "Cannot " + action + " session " + sessionId + ": it is "
                            + status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(DosingSessionScheduledEvent event) {
        practiceId = event.practiceId();
        sessionId = event.sessionId();
        id = new SessionRef(practiceId, sessionId).toString();
        clientId = event.clientId();
        substance = event.substance();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(DosingSessionStartedEvent event) {
        status = Status.STARTED;
        startedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(VitalsRecordedEvent event) {
        if (event.hasBloodPressure()) {
            bloodPressureTakenAt.add(event.occurredAt());
        }
    }

    @EventSourcingHandler
    void on(ClientDischargedEvent event) {
        status = Status.DISCHARGED;
        remsFormDue = event.remsFormDueOn() != null;
    }

    @EventSourcingHandler
    void on(RemsFormSubmittedEvent event) {
        remsFormDue = false;
    }

    @EventSourcingHandler
    void on(DosingSessionCancelledEvent event) {
        status = Status.CANCELLED;
    }

    /**
     * The REMS monitoring checks, apart so that their windows read as rules. They are timed from the dose,
     * not from the session's start: blood pressure before the first administration, about 40 minutes after
     * the last, and at the end of at least two hours of monitoring after the last. A session in which no
     * dose was recorded is timed from its start, with a blood pressure up to 10 minutes into it counting as
     * taken before dosing.
     */
    static final class SpravatoRems {

        private SpravatoRems() {}

        static void requireMonitoring(
                String sessionId,
                Instant start,
                Optional<Sessions.Administrations> administrations,
                Instant discharge,
                List<Instant> bloodPressures) {
            Sessions.Administrations dosed = administrations.orElse(new Sessions.Administrations(start, start));
            Instant beforeDoseUntil = administrations.isPresent() ? dosed.first() : start.plus(Duration.ofMinutes(10));
            Duration monitored = Duration.between(dosed.last(), discharge);
            if (monitored.compareTo(SPRAVATO_MINIMUM_MONITORING) < 0) {
                throw new SpravatoMonitoringException(
                        sessionId,
                        "monitoring lasted " + monitored.toMinutes() + " min after the dose given at " + dosed.last()
                                + "; at least 120 min are required");
            }
            require(
                    sessionId,
                    bloodPressures,
                    dosed.first().minus(Duration.ofMinutes(60)),
                    beforeDoseUntil,
                    "no blood pressure in the hour before the dose given at " + dosed.first());
            require(
                    sessionId,
                    bloodPressures,
                    dosed.last().plus(Duration.ofMinutes(30)),
                    dosed.last().plus(Duration.ofMinutes(55)),
                    "no blood pressure at about 40 minutes after the dose given at " + dosed.last());
            require(
                    sessionId,
                    bloodPressures,
                    discharge.minus(Duration.ofMinutes(20)),
                    discharge,
                    "no blood pressure at the end of monitoring");
        }

        private static void require(String sessionId, List<Instant> vitals, Instant from, Instant to, String problem) {
            boolean taken = vitals.stream().anyMatch(at -> !at.isBefore(from) && !at.isAfter(to));
            if (!taken) {
                throw new SpravatoMonitoringException(sessionId, problem);
            }
        }
    }
}
