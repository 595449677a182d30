package org.doseledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.audit.AuditTrailFilter;
import org.doseledger.projections.audit.AuditTrailPage;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.audit.FindAuditTrailQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every event of a practice in ledger order, filtered, one page at a time (JSON) or all matching
 * events at once (CSV). The cursor is a ledger position, so pages are stable while events arrive.
 */
@RestController
@RequestMapping("/api/practices/{practiceId}/audit-trail")
@Tag(name = "Audit trail", description = "Every event of a practice with its payload and metadata, filterable")
class AuditTrailController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    AuditTrailController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(
            client = "client",
            parameters = {
                "occurredFrom",
                "occurredTo",
                "recordedFrom",
                "recordedTo",
                "actor",
                "practitioner",
                "substance",
                "location",
                "eventType",
                "requestId",
                "afterPosition"
            })
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "A page of the audit trail (COMPLIANCE_OFFICER, REGULATOR)",
            description = "Events in ledger order after afterPosition, matching every filter given. Time ranges are"
                    + " half-open (from inclusive, to exclusive). nextAfterPosition is the cursor of the next page;"
                    + " it is absent on the last page. Accept: text/csv returns every matching event instead.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AuditTrailPage.class)))
    AuditTrailPage entries(
            @PathVariable String practiceId,
            @Valid @ParameterObject AuditTrailParams params,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        readYourWrites.awaitPosition(AuditTrailProjection.PROCESSING_GROUP, params.atLeastPosition());
        return query(PracticeId.of(practiceId), params.filter(), params.after(), limit);
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    @ReadsClientData(
            client = "client",
            parameters = {
                "occurredFrom",
                "occurredTo",
                "recordedFrom",
                "recordedTo",
                "actor",
                "practitioner",
                "substance",
                "location",
                "eventType",
                "requestId",
                "afterPosition"
            },
            kind = AccessKind.EXPORT)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(hidden = true)
    void csv(
            @PathVariable String practiceId,
            @Valid @ParameterObject AuditTrailParams params,
            HttpServletResponse response)
            throws IOException {
        readYourWrites.awaitPosition(AuditTrailProjection.PROCESSING_GROUP, params.atLeastPosition());
        AuditTrailFilter filter = params.filter();
        PracticeId practice = PracticeId.of(practiceId);
        AuditTrailCsv.write(queries, practice, filter, params.after(), response);
    }

    private AuditTrailPage query(PracticeId practice, AuditTrailFilter filter, long afterPosition, int limit) {
        return queries.query(
                        new FindAuditTrailQuery(practice, filter, afterPosition, limit),
                        ResponseTypes.instanceOf(AuditTrailPage.class))
                .join();
    }
}
