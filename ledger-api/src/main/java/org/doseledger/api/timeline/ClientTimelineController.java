package org.doseledger.api.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.doseledger.projections.timeline.ClientTimelineView;
import org.doseledger.projections.timeline.ConsentView;
import org.doseledger.projections.timeline.FindConsentQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices/{practiceId}/clients/{clientId}")
@Tag(name = "Client timeline", description = "Everything the ledger holds about one client, in occurred order")
class ClientTimelineController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final ClientTimelines timelines;

    ClientTimelineController(QueryGateway queries, ReadYourWrites readYourWrites, ClientTimelines timelines) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.timelines = timelines;
    }

    @GetMapping("/timeline")
    @ReadsClientData(
            client = "clientId",
            parameters = {"offset", "limit"})
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The client's timeline (PRACTICE_WRITER, COMPLIANCE_OFFICER, REGULATOR)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ClientTimelineView.class)))
    ClientTimelineView timeline(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String clientId,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @Parameter(description = "wait (bounded) until the timeline includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        readYourWrites.awaitPosition(ClientTimelineProjection.PROCESSING_GROUP, atLeastPosition);
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return timelines.page(client, offset, limit);
    }

    @GetMapping("/consents/{consentId}")
    @ReadsClientData(client = "clientId", parameters = "consentId")
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "One consent and its revocation, if any (PRACTICE_WRITER, COMPLIANCE_OFFICER, REGULATOR)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ConsentView.class)))
    ConsentView consent(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String clientId,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String consentId,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(ClientTimelineProjection.PROCESSING_GROUP, atLeastPosition);
        ClientRef client = new ClientRef(PracticeId.of(practiceId), clientId);
        return queries.query(
                        new FindConsentQuery(client, consentId), ResponseTypes.optionalInstanceOf(ConsentView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("consent", consentId));
    }
}
