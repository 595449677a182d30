package org.doseledger.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.AccessLogRequests.ReviewRequest;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.access.AccessLogFilter;
import org.doseledger.projections.access.AccessLogPage;
import org.doseledger.projections.access.AccessLogProjection;
import org.doseledger.projections.access.AccessLogReviewView;
import org.doseledger.projections.access.AccessSummaryView;
import org.doseledger.projections.access.FindAccessLogQuery;
import org.doseledger.projections.access.FindAccessLogReviewsQuery;
import org.doseledger.projections.access.FindAccessSummaryQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read or exported client data, and the compliance officers' reviews of those reads. */
@RestController
@RequestMapping("/api/practices/{practiceId}/access-log")
@Tag(name = "Access log", description = "Every read and export of client data, and its periodic review")
class AccessLogController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final IdempotentWrites writes;
    private final LedgerWriter writer;

    AccessLogController(
            QueryGateway queries, ReadYourWrites readYourWrites, IdempotentWrites writes, LedgerWriter writer) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.writes = writes;
        this.writer = writer;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(
            client = "client",
            parameters = {"from", "to", "actor", "afterPosition", "limit"})
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN})
    @Operation(
            summary = "A page of the access log (COMPLIANCE_OFFICER, ADMIN)",
            description = "Reads and exports of client data in ledger order after afterPosition: credential and"
                    + " role, client (when the read named one), READ or EXPORT, endpoint (method and URL template),"
                    + " the parameters that narrowed it, the request id and when. Ledger-wide exports by an"
                    + " administrator appear in every practice's log (practiceWide false). [from, to) is half-open;"
                    + " nextAfterPosition is the cursor of the next page, absent on the last.")
    AccessLogPage entries(
            @PathVariable String practiceId,
            @Parameter(description = "accessed at or after") @RequestParam(required = false) Instant from,
            @Parameter(description = "accessed before") @RequestParam(required = false) Instant to,
            @Parameter(description = "only reads of this client")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.ID)
                    String client,
            @Parameter(description = "only reads by this credential (API key id)")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.ID)
                    String actor,
            @Parameter(description = "cursor: nextAfterPosition of the previous page")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long afterPosition,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "wait (bounded) until the log includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("to", "to " + to + " is not after from " + from);
        }
        readYourWrites.awaitPosition(AccessLogProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindAccessLogQuery(
                                PracticeId.of(practiceId),
                                new AccessLogFilter(from, to, client, actor),
                                afterPosition,
                                limit),
                        ResponseTypes.instanceOf(AccessLogPage.class))
                .join();
    }

    @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN})
    @Operation(
            summary = "Reads of client data in [from, to) by credential, role, declared purpose and kind"
                    + " (COMPLIANCE_OFFICER, ADMIN)",
            description = "What a review of the access log starts with: who read, why they said they read"
                    + " (X-Purpose-Of-Use; null when they gave none), how often, first and last.")
    List<AccessSummaryView> summary(
            @PathVariable String practiceId,
            @RequestParam Instant from,
            @RequestParam Instant to,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        if (!to.isAfter(from)) {
            throw new InvalidQueryException("to", "to " + to + " is not after from " + from);
        }
        readYourWrites.awaitPosition(AccessLogProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindAccessSummaryQuery(PracticeId.of(practiceId), from, to),
                        ResponseTypes.multipleInstancesOf(AccessSummaryView.class))
                .join();
    }

    @GetMapping(path = "/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.ADMIN})
    @Operation(summary = "The reviews of the access log, latest period first (COMPLIANCE_OFFICER, ADMIN)")
    List<AccessLogReviewView> reviews(
            @PathVariable String practiceId, @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(AccessLogProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindAccessLogReviewsQuery(PracticeId.of(practiceId)),
                        ResponseTypes.multipleInstancesOf(AccessLogReviewView.class))
                .join();
    }

    private static final String REVIEW_REQUEST = """
            {
              "from": "2026-10-01T00:00:00Z",
              "to": "2026-11-01T00:00:00Z",
              "reviewedBy": "J. Doe, compliance officer",
              "note": "No unexpected reads; two exports for the state board, both on request"
            }
            """;

    @PostMapping(path = "/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    @Operation(
            summary = "Mark a period of the access log reviewed (COMPLIANCE_OFFICER)",
            description = "Records that the officer reviewed the reads and exports of [from, to)"
                    + " (AccessLogReviewed). Periods older than the practice's accessLogReviewDays that no review"
                    + " covers are ACCESS_LOG_REVIEW_OVERDUE exceptions.")
    ResponseEntity<Object> review(
            @PathVariable String practiceId, @Valid @RequestBody ReviewRequest request, WriteContext context) {
        String path = "/api/practices/" + practiceId + "/access-log/reviews";
        return writes.execute(context, "POST " + path, request, () -> {
            String reviewId = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(path),
                    WriteReceipt.of(
                            reviewId,
                            writer.send(
                                    context,
                                    request.toCommand(PracticeId.of(practiceId), reviewId, context.credential()))));
        });
    }
}
