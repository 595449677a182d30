package org.doseledger.api.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.doseledger.api.client.ClientRequests.AmendPlanRequest;
import org.doseledger.api.client.ClientRequests.ApprovePlanRequest;
import org.doseledger.api.client.ClientRequests.ChangeAddressRequest;
import org.doseledger.api.client.ClientRequests.RecordClearanceRequest;
import org.doseledger.api.client.ClientRequests.RecordConsentRequest;
import org.doseledger.api.client.ClientRequests.RecordWeightRequest;
import org.doseledger.api.client.ClientRequests.RegisterClientRequest;
import org.doseledger.api.client.ClientRequests.RemsEnrolmentRequest;
import org.doseledger.api.client.ClientRequests.RevokeConsentRequest;
import org.doseledger.api.client.ClientRequests.TherapySessionRequest;
import org.doseledger.api.client.ClientRequests.UpdateContactRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices/{practiceId}/clients")
@Tag(name = "Clients", description = "Clients of a practice and their informed consents")
class ClientController {

    static final String ID = CommonRequests.ID;

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final ClientDataKeys keys;

    ClientController(IdempotentWrites writes, LedgerWriter writer, ClientDataKeys keys) {
        this.writes = writes;
        this.writer = writer;
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Register a client (PRACTICE_WRITER)")
    ResponseEntity<Object> register(
            @PathVariable String practiceId, @Valid @RequestBody RegisterClientRequest request, WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), request.clientId());
        return writes.execute(
                context,
                "POST " + clientPath(client),
                request,
                () -> WriteOutcome.created(
                        URI.create(clientPath(client) + "/timeline"),
                        WriteReceipt.of(request.clientId(), writer.send(context, request.toCommand(client, keys)))));
    }

    @PostMapping(path = "/{clientId}/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record an informed consent the client signed (PRACTICE_WRITER)")
    ResponseEntity<Object> recordConsent(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody RecordConsentRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return writes.execute(context, "POST " + clientPath(client) + "/consents", request, () -> {
            String consentId = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(clientPath(client) + "/consents/" + consentId),
                    WriteReceipt.of(consentId, writer.send(context, request.toCommand(client, consentId, keys))));
        });
    }

    @PostMapping(path = "/{clientId}/consents/{consentId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record that the client revoked a consent (PRACTICE_WRITER)")
    ResponseEntity<Object> revokeConsent(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @PathVariable @Pattern(regexp = ID) String consentId,
            @Valid @RequestBody RevokeConsentRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        String consentPath = clientPath(client) + "/consents/" + consentId;
        return writes.execute(
                context,
                "POST " + consentPath + "/revocation",
                request,
                () -> WriteOutcome.created(
                        URI.create(consentPath),
                        WriteReceipt.of(consentId, writer.send(context, request.toCommand(client, consentId, keys)))));
    }

    @PostMapping(path = "/{clientId}/address-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Record that the client moved; later dispensing records carry the new address (PRACTICE_WRITER)")
    ResponseEntity<Object> changeAddress(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody ChangeAddressRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return clientFact(context, client, "/address-changes", request, () -> request.toCommand(client, keys));
    }

    @PostMapping(path = "/{clientId}/weights", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record the client's measured weight in kg, for mg/kg dosing (PRACTICE_WRITER)")
    ResponseEntity<Object> recordWeight(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody RecordWeightRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return clientFact(context, client, "/weights", request, () -> request.toCommand(client));
    }

    @PostMapping(path = "/{clientId}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record the phone number at which the practice reaches the client (PRACTICE_WRITER)")
    ResponseEntity<Object> updateContact(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody UpdateContactRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return clientFact(context, client, "/contact", request, () -> request.toCommand(client, keys));
    }

    @PostMapping(path = "/{clientId}/rems-enrolment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Record the client's Spravato REMS patient enrolment id, sealed with their data key"
                    + " (PRACTICE_WRITER)")
    ResponseEntity<Object> recordRemsEnrolment(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody RemsEnrolmentRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return clientFact(context, client, "/rems-enrolment", request, () -> request.toCommand(client, keys));
    }

    @PostMapping(path = "/{clientId}/clearances", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record a medical clearance or consultation with the client's medical team (PRACTICE_WRITER)")
    ResponseEntity<Object> recordClearance(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody RecordClearanceRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return newClientRecord(context, client, "/clearances", request, id -> request.toCommand(client, id, keys));
    }

    @PostMapping(path = "/{clientId}/treatment-plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record the client's treatment plan as approved by a prescriber (PRACTICE_WRITER)")
    ResponseEntity<Object> approvePlan(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody ApprovePlanRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return newClientRecord(context, client, "/treatment-plans", request, id -> request.toCommand(client, id));
    }

    @PostMapping(path = "/{clientId}/treatment-plans/{planId}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Amend the client's active treatment plan, with a reason and a prescriber's approval (PRACTICE_WRITER)")
    ResponseEntity<Object> amendPlan(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String planId,
            @Valid @RequestBody AmendPlanRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return clientFact(
                context,
                client,
                "/treatment-plans/" + planId + "/amendments",
                request,
                () -> request.toCommand(client, planId, keys));
    }

    @PostMapping(path = "/{clientId}/therapy-sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record a preparation or integration session led by a therapist (PRACTICE_WRITER)")
    ResponseEntity<Object> recordTherapySession(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ID) String clientId,
            @Valid @RequestBody TherapySessionRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return newClientRecord(context, client, "/therapy-sessions", request, id -> request.toCommand(client, id));
    }

    /** A write that creates a record of the client under a fresh id, answered with the timeline's location. */
    private ResponseEntity<Object> newClientRecord(
            WriteContext context,
            ClientRef client,
            String kind,
            Object request,
            java.util.function.Function<String, Object> command) {
        return writes.execute(context, "POST " + clientPath(client) + kind, request, () -> {
            String id = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(clientPath(client) + "/timeline"),
                    WriteReceipt.of(id, writer.send(context, command.apply(id))));
        });
    }

    private ResponseEntity<Object> clientFact(
            WriteContext context, ClientRef client, String kind, Object request, Supplier<Object> command) {
        // the command is built inside the write's transaction: sealing personal data takes the client's key there
        return writes.execute(
                context,
                "POST " + clientPath(client) + kind,
                request,
                () -> WriteOutcome.created(
                        URI.create(clientPath(client) + "/timeline"),
                        WriteReceipt.of(client.clientId(), writer.send(context, command.get()))));
    }

    static String clientPath(ClientRef client) {
        return "/api/practices/" + client.practiceId().value() + "/clients/" + client.clientId();
    }
}
