package org.doseledger.api.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.doseledger.api.client.ClientRequests.RecordConsentRequest;
import org.doseledger.api.client.ClientRequests.RegisterClientRequest;
import org.doseledger.api.client.ClientRequests.RevokeConsentRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
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

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final IdempotentWrites writes;
    private final LedgerWriter writer;

    ClientController(IdempotentWrites writes, LedgerWriter writer) {
        this.writes = writes;
        this.writer = writer;
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
                        WriteReceipt.of(request.clientId(), writer.send(context, request.toCommand(client)))));
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
                    WriteReceipt.of(consentId, writer.send(context, request.toCommand(client, consentId))));
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
                        WriteReceipt.of(consentId, writer.send(context, request.toCommand(client, consentId)))));
    }

    static String clientPath(ClientRef client) {
        return "/api/practices/" + client.practiceId().value() + "/clients/" + client.clientId();
    }
}
