package org.doseledger.api.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.session.SessionRequests.CancelSessionRequest;
import org.doseledger.api.session.SessionRequests.DischargeRequest;
import org.doseledger.api.session.SessionRequests.ObservationRequest;
import org.doseledger.api.session.SessionRequests.RemsFormRequest;
import org.doseledger.api.session.SessionRequests.ScheduleSessionRequest;
import org.doseledger.api.session.SessionRequests.StartSessionRequest;
import org.doseledger.api.session.SessionRequests.VitalsRequest;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.session.api.SessionRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dosing sessions: scheduled, started, vitals and observations, discharge or cancellation. */
@RestController
@RequestMapping("/api/practices/{practiceId}/sessions")
@AllowedRoles(Role.PRACTICE_WRITER)
@Tag(name = "Dosing sessions", description = "What happened in the dosing room, on the client's timeline")
class SessionController {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final SessionClients clients;
    private final ClientDataKeys keys;

    SessionController(IdempotentWrites writes, LedgerWriter writer, SessionClients clients, ClientDataKeys keys) {
        this.writes = writes;
        this.writer = writer;
        this.clients = clients;
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a dosing session for a client (PRACTICE_WRITER)")
    ResponseEntity<Object> schedule(
            @PathVariable String practiceId, @Valid @RequestBody ScheduleSessionRequest request, WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), request.sessionId());
        return step(context, session, "", request, request.toCommand(session, context.recordedAt()));
    }

    @PostMapping(path = "/{sessionId}/start", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start the session at a location with its monitoring practitioner (PRACTICE_WRITER)")
    ResponseEntity<Object> start(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody StartSessionRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return step(context, session, "/start", request, request.toCommand(session));
    }

    @PostMapping(path = "/{sessionId}/vitals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record vital signs taken during the session (PRACTICE_WRITER)")
    ResponseEntity<Object> vitals(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody VitalsRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return step(context, session, "/vitals", request, request.toCommand(session));
    }

    @PostMapping(path = "/{sessionId}/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an observation or an adverse event (PRACTICE_WRITER)")
    ResponseEntity<Object> observation(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody ObservationRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return sealedStep(
                context, session, "/observations", request, client -> request.toCommand(session, client, keys));
    }

    @PostMapping(path = "/{sessionId}/discharge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Discharge the client; Spravato sessions need 2 h monitoring and blood pressure before, at 40 min"
                    + " and at the end (PRACTICE_WRITER)")
    ResponseEntity<Object> discharge(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody DischargeRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return sealedStep(context, session, "/discharge", request, client -> request.toCommand(session, client, keys));
    }

    @PostMapping(path = "/{sessionId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a session that has not started (PRACTICE_WRITER)")
    ResponseEntity<Object> cancel(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody CancelSessionRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return sealedStep(
                context, session, "/cancellation", request, client -> request.toCommand(session, client, keys));
    }

    @PostMapping(path = "/{sessionId}/rems-form", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Record that the Spravato REMS monitoring form was submitted, closing the obligation (PRACTICE_WRITER)")
    ResponseEntity<Object> remsForm(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String sessionId,
            @Valid @RequestBody RemsFormRequest request,
            WriteContext context) {
        SessionRef session = new SessionRef(PracticeId.of(practiceId), sessionId);
        return step(context, session, "/rems-form", request, request.toCommand(session));
    }

    /**
     * A step whose command seals free text under the session's client's data key: built inside the write's
     * transaction, where the key is taken.
     */
    private ResponseEntity<Object> sealedStep(
            WriteContext context,
            SessionRef session,
            String kind,
            Object request,
            java.util.function.Function<org.doseledger.core.shared.ClientRef, Object> command) {
        String path = "/api/practices/" + session.practiceId().value() + "/sessions/" + session.sessionId();
        return writes.execute(
                context,
                "POST " + path + kind,
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                session.sessionId(), writer.send(context, command.apply(clients.of(session))))));
    }

    private ResponseEntity<Object> step(
            WriteContext context, SessionRef session, String kind, Object request, Object command) {
        String path = "/api/practices/" + session.practiceId().value() + "/sessions/" + session.sessionId();
        return writes.execute(
                context,
                "POST " + path + kind,
                request,
                () -> WriteOutcome.created(
                        URI.create(path), WriteReceipt.of(session.sessionId(), writer.send(context, command))));
    }
}
