package org.doseledger.api.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

    PracticeController(IdempotentWrites writes, LedgerWriter writer, QueryGateway queries) {
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Register a practice with its DEA registration (ADMIN)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "springfield",
                                                            summary =
                                                                    "A practice with its DEA registration and time zone",
                                                            value = PracticeExamples.REGISTER_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Registered; Location is the practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "registered",
                                            summary = "The receipt: the practice id and the appended event",
                                            value = PracticeExamples.REGISTER_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "Missing name, bad id, unknown time zone",
                                            value = PracticeExamples.REGISTER_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "PRACTICE_ALREADY_EXISTS",
                                        summary = "The practice id is taken",
                                        value = PracticeExamples.REGISTER_PRACTICE_ALREADY_EXISTS),
                                @ExampleObject(
                                        name = "DEA_REGISTRATION_EXPIRED",
                                        summary = "The DEA registration has already expired",
                                        value = PracticeExamples.REGISTER_DEA_REGISTRATION_EXPIRED)
                            }))
    ResponseEntity<Object> register(@Valid @RequestBody RegisterPracticeRequest request, WriteContext context) {
        return writes.execute(
                context,
                "POST /api/practices",
                request,
                () -> WriteOutcome.created(
                        URI.create("/api/practices/" + request.practiceId()),
                        WriteReceipt.of(
                                request.practiceId(), writer.send(context, request.toCommand(context.recordedAt())))));
    }

    @PostMapping(path = "/{practiceId}/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Set the practice's clinical policies; each change is an event (ADMIN)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "policies",
                                                            value = PracticeExamples.POLICIES_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Set; Location is the practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples = @ExampleObject(name = "set", value = PracticeExamples.POLICIES_SET)))
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
                    + " (ADMIN)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "contact",
                                                            value = PracticeExamples.CONTACT_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location is the practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples = @ExampleObject(name = "recorded", value = PracticeExamples.POLICIES_SET)))
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
                    + " (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "binder",
                                                            value = PracticeExamples.HISTORY_IMPORT_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Opened; imported entries name its importId in lateEntry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples = @ExampleObject(name = "opened", value = PracticeExamples.HISTORY_IMPORT_OPENED)))
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
    @Operation(
            summary = "Close a history import; no entry can name it afterwards (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "close",
                                                            value = PracticeExamples.HISTORY_IMPORT_CLOSE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Closed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples = @ExampleObject(name = "closed", value = PracticeExamples.HISTORY_IMPORT_CLOSED)))
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
            description = "The practice as the ledger knows it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PracticeView.class),
                            examples =
                                    @ExampleObject(
                                            name = "springfield",
                                            summary = "A registered practice",
                                            value = PracticeExamples.GET_OK)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown practice; a key of another practice gets the same answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "PRACTICE_NOT_FOUND",
                                            summary = "Unknown practice",
                                            value = PracticeExamples.GET_PRACTICE_NOT_FOUND)))
    PracticeView get(@PathVariable String practiceId) {
        Optional<PracticeView> practice = queries.query(
                        new FindPracticeQuery(PracticeId.of(practiceId)),
                        ResponseTypes.optionalInstanceOf(PracticeView.class))
                .join();
        return practice.orElseThrow(() -> new UnknownRecordException("practice", practiceId));
    }
}
