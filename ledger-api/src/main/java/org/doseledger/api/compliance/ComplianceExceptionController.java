package org.doseledger.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.compliance.ComplianceExceptionRequests.AcknowledgeRequest;
import org.doseledger.api.compliance.ComplianceExceptionRequests.ResolveRequest;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.compliance.api.ExceptionReviewIds;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.compliance.ComplianceExceptionView;
import org.doseledger.projections.compliance.ComplianceExceptionsPage;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.compliance.ExceptionStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance exceptions queue: what needs an officer's attention, and their acknowledgements and
 * resolutions, which are recorded in the ledger like every other fact.
 */
@RestController
@RequestMapping("/api/practices/{practiceId}/exceptions")
@Tag(name = "Compliance exceptions", description = "What needs a compliance officer's attention, and their reviews")
class ComplianceExceptionController {

    private final ComplianceExceptionQueue exceptions;
    private final ReadYourWrites readYourWrites;

    ComplianceExceptionController(ComplianceExceptionQueue exceptions, ReadYourWrites readYourWrites) {
        this.exceptions = exceptions;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(parameters = {"status", "kind", "offset", "limit", "asOf"})
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "The exceptions queue (COMPLIANCE_OFFICER, REGULATOR)",
            description = "Exceptions as of today (UTC), most urgent first (due date, then raised time). By default"
                    + " the unresolved ones (OPEN and ACKNOWLEDGED); status and kind may be repeated."
                    + " Accept: text/csv returns every match as CSV.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ComplianceExceptionsPage.class)))
    ComplianceExceptionsPage queue(
            @PathVariable String practiceId,
            @Parameter(description = "OPEN, ACKNOWLEDGED, CLEARED, RESOLVED; default OPEN and ACKNOWLEDGED")
                    @RequestParam(required = false)
                    List<ExceptionStatus> status,
            @Parameter(description = "only these kinds") @RequestParam(required = false) List<ExceptionKind> kind,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "wait (bounded) until the queue includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        readYourWrites.awaitPosition(ComplianceExceptionsProjection.PROCESSING_GROUP, atLeastPosition);
        return exceptions.page(
                PracticeId.of(practiceId),
                status == null ? Set.of() : Set.copyOf(status),
                kind == null ? Set.of() : Set.copyOf(kind),
                offset,
                limit);
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    @ReadsClientData(parameters = {"status", "kind", "asOf"})
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(hidden = true)
    void csv(
            @PathVariable String practiceId,
            @RequestParam(required = false) List<ExceptionStatus> status,
            @RequestParam(required = false) List<ExceptionKind> kind,
            @RequestParam(required = false) @Min(1) Long atLeastPosition,
            HttpServletResponse response)
            throws IOException {
        int pageSize = 1000;
        ComplianceExceptionsPage page = queue(practiceId, status, kind, 0, pageSize, atLeastPosition);
        CsvWriter csv = CsvWriter.of(response, "exceptions-" + practiceId + ".csv");
        csv.row(
                "exceptionId",
                "kind",
                "status",
                "summary",
                "raisedAt",
                "dueOn",
                "clientId",
                "locationId",
                "practitionerId",
                "ledgerPosition",
                "clearedAt",
                "clearedBy",
                "acknowledgedBy",
                "acknowledgedAt",
                "acknowledgementNote",
                "resolvedBy",
                "resolvedAt",
                "resolutionNote");
        while (true) {
            for (ComplianceExceptionView e : page.exceptions()) {
                csv.row(
                        e.exceptionId(),
                        e.kind(),
                        e.status(),
                        e.summary(),
                        e.raisedAt(),
                        e.dueOn(),
                        e.clientId(),
                        e.locationId(),
                        e.practitionerId(),
                        e.ledgerPosition(),
                        e.clearedAt(),
                        e.clearedBy(),
                        e.acknowledgement() == null ? null : e.acknowledgement().by(),
                        e.acknowledgement() == null ? null : e.acknowledgement().at(),
                        e.acknowledgement() == null ? null : e.acknowledgement().note(),
                        e.resolution() == null ? null : e.resolution().by(),
                        e.resolution() == null ? null : e.resolution().at(),
                        e.resolution() == null ? null : e.resolution().note());
            }
            int next = page.offset() + page.exceptions().size();
            if (page.exceptions().size() < pageSize || next >= page.total()) {
                break;
            }
            page = queue(practiceId, status, kind, next, pageSize, null);
        }
        csv.flush();
    }

    @GetMapping(path = "/{exceptionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(parameters = "exceptionId")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "One exception with its reviews (COMPLIANCE_OFFICER, REGULATOR)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ComplianceExceptionView.class)))
    ComplianceExceptionView exception(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ExceptionReviewIds.EXCEPTION_ID) String exceptionId,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(ComplianceExceptionsProjection.PROCESSING_GROUP, atLeastPosition);
        return exceptions.find(PracticeId.of(practiceId), exceptionId);
    }

    @PostMapping(path = "/{exceptionId}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    @Operation(
            summary = "Acknowledge an exception (COMPLIANCE_OFFICER)",
            description = "Records who has seen the exception and, optionally, what they are doing about it"
                    + " (ExceptionAcknowledged). Once per exception.")
    ResponseEntity<Object> acknowledge(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ExceptionReviewIds.EXCEPTION_ID) String exceptionId,
            @Valid @RequestBody AcknowledgeRequest request,
            WriteContext context) {
        return exceptions.acknowledge(
                context, PracticeId.of(practiceId), exceptionId, request.reviewedBy(), request.note());
    }

    @PostMapping(path = "/{exceptionId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    @Operation(
            summary = "Resolve an exception with a note (COMPLIANCE_OFFICER)",
            description = "Closes the exception (ExceptionResolved), acknowledged or not; the note says what was"
                    + " done or why nothing had to be.")
    ResponseEntity<Object> resolve(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = ExceptionReviewIds.EXCEPTION_ID) String exceptionId,
            @Valid @RequestBody ResolveRequest request,
            WriteContext context) {
        return exceptions.resolve(
                context, PracticeId.of(practiceId), exceptionId, request.reviewedBy(), request.note());
    }
}
