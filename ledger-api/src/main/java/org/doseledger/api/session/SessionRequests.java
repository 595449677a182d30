package org.doseledger.api.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.session.api.CancelDosingSessionCommand;
import org.doseledger.core.session.api.DischargeClientCommand;
import org.doseledger.core.session.api.ObservationKind;
import org.doseledger.core.session.api.RecordObservationCommand;
import org.doseledger.core.session.api.RecordRemsFormSubmittedCommand;
import org.doseledger.core.session.api.RecordVitalsCommand;
import org.doseledger.core.session.api.ScheduleDosingSessionCommand;
import org.doseledger.core.session.api.SessionRef;
import org.doseledger.core.session.api.Severity;
import org.doseledger.core.session.api.StartDosingSessionCommand;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Substance;
import org.doseledger.projections.personaldata.ClientDataKeys;

final class SessionRequests {

    private SessionRequests() {}

    /**
     * @param sessionId chosen by the practice software; draws for this session name it as their sessionId
     * @param substance ESKETAMINE sessions follow the Spravato REMS monitoring rules
     */
    record ScheduleSessionRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String sessionId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String clientId,

            @NotNull Substance substance,
            @NotNull Instant scheduledFor,
            @PastOrPresent Instant occurredAt) {

        /**
         * The session was scheduled when the request says, or else now; a session recorded after it was due is
         * taken as scheduled no later than it was due, so that a timeline never lists the scheduling after the
         * session it schedules.
         */
        ScheduleDosingSessionCommand toCommand(SessionRef session, Instant recordedAt) {
            Instant scheduledAt =
                    occurredAt != null ? occurredAt : scheduledFor.isBefore(recordedAt) ? scheduledFor : recordedAt;
            return new ScheduleDosingSessionCommand(session, clientId, substance, scheduledFor, scheduledAt);
        }
    }

    record StartSessionRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String locationId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String monitoredBy,

            @NotNull @PastOrPresent Instant startedAt) {

        StartDosingSessionCommand toCommand(SessionRef session) {
            return new StartDosingSessionCommand(session, locationId, monitoredBy, startedAt);
        }
    }

    /** Each measurement is optional; a set holds at least one, and blood pressure is both values or neither. */
    record VitalsRequest(
            @Min(50) @Max(260) Integer systolicMmHg,
            @Min(30) @Max(160) Integer diastolicMmHg,
            @Min(25) @Max(220) Integer heartRateBpm,
            @Min(50) @Max(100) Integer spo2Percent,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String takenBy,

            @NotNull @PastOrPresent Instant takenAt) {

        @AssertTrue(message = "a set of vitals holds at least one measurement")
        boolean isAnyMeasurement() {
            return systolicMmHg != null || diastolicMmHg != null || heartRateBpm != null || spo2Percent != null;
        }

        @AssertTrue(message = "systolicMmHg and diastolicMmHg are given together, or neither")
        boolean isBloodPressureWhole() {
            return (systolicMmHg == null) == (diastolicMmHg == null);
        }

        RecordVitalsCommand toCommand(SessionRef session) {
            return new RecordVitalsCommand(
                    session, systolicMmHg, diastolicMmHg, heartRateBpm, spo2Percent, takenBy, takenAt);
        }
    }

    /** @param severity required for an ADVERSE_EVENT */
    record ObservationRequest(
            @NotNull ObservationKind kind,
            Severity severity,
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 4000) String actionTaken,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String recordedBy,

            @NotNull @PastOrPresent Instant occurredAt) {

        /** The description and the action taken are free text that can name the client: sealed. */
        RecordObservationCommand toCommand(SessionRef session, ClientRef client, ClientDataKeys keys) {
            return new RecordObservationCommand(
                    session,
                    kind,
                    severity,
                    keys.seal(client, "description", description),
                    actionTaken == null ? null : keys.seal(client, "actionTaken", actionTaken),
                    recordedBy,
                    occurredAt);
        }
    }

    /**
     * @param criteriaMet whether the discharge criteria were met; false when absent or null
     * @param escort who takes the client home
     */
    record DischargeRequest(
            @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "false")
            Boolean criteriaMet,

            @NotBlank @Size(max = 200) String escort,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String dischargedBy,

            @NotNull @PastOrPresent Instant dischargedAt) {

        /** The escort is a person's name: sealed under the client's data key. */
        DischargeClientCommand toCommand(SessionRef session, ClientRef client, ClientDataKeys keys) {
            return new DischargeClientCommand(
                    session,
                    Boolean.TRUE.equals(criteriaMet),
                    keys.seal(client, "escort", escort),
                    dischargedBy,
                    dischargedAt);
        }
    }

    record CancelSessionRequest(
            @NotBlank @Size(max = 1000) String reason,
            @NotNull @PastOrPresent Instant occurredAt) {

        /** The reason is free text that can name the client: sealed. */
        CancelDosingSessionCommand toCommand(SessionRef session, ClientRef client, ClientDataKeys keys) {
            return new CancelDosingSessionCommand(session, keys.seal(client, "reason", reason), occurredAt);
        }
    }

    /**
     * @param confirmationNumber what the REMS portal returned on submission
     * @param sedation the form's answer to "did the patient experience sedation?"
     * @param dissociation the form's answer to "did the patient experience dissociation?"
     * @param respiratoryDepression the form's answer to "did the patient experience respiratory depression?"
     * @param vitalSignsAcceptableBeforeAdministration "vital signs were in acceptable range prior to administration?"
     * @param vitalSignsAcceptableAtCompletion "vital signs were in acceptable range prior to treatment session
     *     completion?"
     * @param readyToLeaveAfterMinutes the REMS evaluation question: without the 2-hour minimum, after how many
     *     minutes from the start of administration the patient would have been ready to leave
     */
    record RemsFormRequest(
            @NotBlank @Size(max = 100) String confirmationNumber,

            @NotNull Boolean sedation,
            @NotNull Boolean dissociation,
            @NotNull Boolean respiratoryDepression,
            @NotNull Boolean vitalSignsAcceptableBeforeAdministration,
            @NotNull Boolean vitalSignsAcceptableAtCompletion,
            @NotNull @Min(0) @Max(1440) Integer readyToLeaveAfterMinutes,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String submittedBy,

            @NotNull @PastOrPresent Instant occurredAt) {

        RecordRemsFormSubmittedCommand toCommand(SessionRef session) {
            return new RecordRemsFormSubmittedCommand(
                    session,
                    confirmationNumber,
                    sedation,
                    dissociation,
                    respiratoryDepression,
                    vitalSignsAcceptableBeforeAdministration,
                    vitalSignsAcceptableAtCompletion,
                    readyToLeaveAfterMinutes,
                    submittedBy,
                    occurredAt);
        }
    }
}
