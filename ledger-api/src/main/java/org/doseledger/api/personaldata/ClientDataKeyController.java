package org.doseledger.api.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/practices/{practiceId}/clients/{clientId}/data-key")
@Tag(name = "Personal data", description = "Client personal data keys: shredding after the retention period")
class ClientDataKeyController {

    private final IdempotentWrites writes;
    private final ClientDataShredding shredding;
    private final ReadYourWrites readYourWrites;
    private final StreamingProcessors processors;

    ClientDataKeyController(
            IdempotentWrites writes,
            ClientDataShredding shredding,
            ReadYourWrites readYourWrites,
            StreamingProcessors processors) {
        this.writes = writes;
        this.shredding = shredding;
        this.readYourWrites = readYourWrites;
        this.processors = processors;
    }

    /** @param reason why the personal data is destroyed now, e.g. "retention period over, practice closed" */
    record ShredRequest(@NotBlank @Size(max = 1000) String reason) {}

    @PostMapping(path = "/shredding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Shred the client's personal data key after the retention period (ADMIN)",
            description = "Records ClientDataKeyShredded and destroys the client's wrapped data key: the client's"
                    + " name, date of birth, address and phone become unreadable everywhere, while every event,"
                    + " count and hash stays. Refused until ledger.privacy.retention.minimum has passed since the"
                    + " latest occurred time on the client's timeline.")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ShreddingReceipt.class)))
    ResponseEntity<Object> shred(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String clientId,
            @Valid @RequestBody ShredRequest request,
            WriteContext context) {
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        // the retention check reads the timeline: let it catch up with every event appended so far
        readYourWrites.awaitPosition(ClientTimelineProjection.PROCESSING_GROUP, processors.head());
        String clientPath = "/api/practices/" + practiceId + "/clients/" + clientId;
        return writes.execute(
                context,
                "POST /api/admin/practices/" + practiceId + "/clients/" + clientId + "/data-key/shredding",
                request,
                () -> {
                    ClientDataShredding.Shredded shredded = shredding.shred(context, client, request.reason());
                    WriteReceipt receipt = WriteReceipt.of(clientId, shredded.events());
                    return WriteOutcome.created(
                            URI.create(clientPath + "/timeline"),
                            new ShreddingReceipt(
                                    receipt.id(),
                                    receipt.ledgerPosition(),
                                    receipt.events(),
                                    shredded.purgedExports()));
                });
    }
}
