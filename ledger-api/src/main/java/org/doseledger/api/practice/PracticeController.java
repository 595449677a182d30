package org.doseledger.api.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.practice.PracticeRequests.CloseHistoryImportRequest;
import org.doseledger.api.practice.PracticeRequests.ContactRequest;
import org.doseledger.api.practice.PracticeRequests.OpenHistoryImportRequest;
import org.doseledger.api.practice.PracticeRequests.RegisterPracticeRequest;
import org.doseledger.api.practice.PracticeRequests.SetPoliciesRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.practice.FindPracticeQuery;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices")
@Tag(name = "Practices", description = "The DEA registrants using the ledger")
class PracticeController {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final QueryGateway queries;

    private final PracticeRegistration registration;

    PracticeController(
            IdempotentWrites writes, LedgerWriter writer, QueryGateway queries, PracticeRegistration registration) {
        this.registration = registration;
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "Register a practice with its DEA registration (ADMIN)")
    ResponseEntity<Object> register(@Valid @RequestBody RegisterPracticeRequest request, WriteContext context) {
        return registration.register(context, request);
    }

    @PostMapping(path = "/{practiceId}/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "Set the practice's clinical policies; each change is an event (ADMIN)")
    ResponseEntity<Object> setPolicies(
            @PathVariable String practiceId, @Valid @RequestBody SetPoliciesRequest request, WriteContext context) {
        String path = "/api/practices/" + practiceId;
        return writes.execute(
                context,
                "POST " + path + "/policies",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                practiceId,
                                writer.send(
                                        context, request.toCommand(PracticeId.of(practiceId), context.recordedAt())))));
    }

    @PostMapping(path = "/{practiceId}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Record the practice's phone and contact person, as the DEA forms and the PDMP file name them"
                    + " (ADMIN)")
    ResponseEntity<Object> recordContact(
            @PathVariable String practiceId, @Valid @RequestBody ContactRequest request, WriteContext context) {
        String path = "/api/practices/" + practiceId;
        return writes.execute(
                context,
                "POST " + path + "/contact",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                practiceId,
                                writer.send(
                                        context, request.toCommand(PracticeId.of(practiceId), context.recordedAt())))));
    }

    @PostMapping(path = "/{practiceId}/history-imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Open an import of paper history: entries naming it are recorded as imported, not late"
                    + " (PRACTICE_WRITER)")
    ResponseEntity<Object> openHistoryImport(
            @PathVariable String practiceId,
            @Valid @RequestBody OpenHistoryImportRequest request,
            WriteContext context) {
        String path = "/api/practices/" + practiceId + "/history-imports";
        return writes.execute(
                context,
                "POST " + path,
                request,
                () -> WriteOutcome.created(
                        URI.create(path + "/" + request.importId()),
                        WriteReceipt.of(
                                request.importId(),
                                writer.send(
                                        context, request.toCommand(PracticeId.of(practiceId), context.recordedAt())))));
    }

    @PostMapping(path = "/{practiceId}/history-imports/{importId}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Close a history import; no entry can name it afterwards (PRACTICE_WRITER)")
    ResponseEntity<Object> closeHistoryImport(
            @PathVariable String practiceId,
            @PathVariable String importId,
            @Valid @RequestBody CloseHistoryImportRequest request,
            WriteContext context) {
        String path = "/api/practices/" + practiceId + "/history-imports/" + importId;
        return writes.execute(
                context,
                "POST " + path + "/closure",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                importId,
                                writer.send(
                                        context,
                                        request.toCommand(
                                                PracticeId.of(practiceId), importId, context.recordedAt())))));
    }

    @GetMapping("/{practiceId}")
    @AllowedRoles({Role.ADMIN, Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "A registered practice (ADMIN, or any credential of that practice)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PracticeView.class)))
    PracticeView get(@PathVariable String practiceId) {
        Optional<PracticeView> practice = queries.query(
                        new FindPracticeQuery(PracticeId.of(practiceId)),
                        ResponseTypes.optionalInstanceOf(PracticeView.class))
                .join();
        return practice.orElseThrow(() -> new UnknownRecordException("practice", practiceId));
    }
}
