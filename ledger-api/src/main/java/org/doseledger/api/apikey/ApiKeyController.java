package org.doseledger.api.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.apikey.ApiKeyRequests.GrantPracticeRequest;
import org.doseledger.api.apikey.ApiKeyRequests.IssueApiKeyRequest;
import org.doseledger.api.apikey.ApiKeyRequests.RevokeApiKeyRequest;
import org.doseledger.api.apikey.ApiKeyRequests.WithdrawPracticeRequest;
import org.doseledger.api.apikey.ApiKeyResponses.ApiKeyDescription;
import org.doseledger.api.apikey.ApiKeyResponses.IssuedApiKey;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.GrantPracticeAccessCommand;
import org.doseledger.core.apikey.api.RevokeApiKeyCommand;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.apikey.api.WithdrawPracticeAccessCommand;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.apikey.ApiKeyView;
import org.doseledger.projections.apikey.FindApiKeyQuery;
import org.doseledger.projections.apikey.FindApiKeysQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/api-keys")
@AllowedRoles(Role.ADMIN)
@Tag(
        name = "API keys",
        description = "Credentials of practice software, compliance officers, regulators and admins (ADMIN)")
class ApiKeyController {

    private static final String KEY_ID = "[0-9a-f]{16}";

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final ApiKeyIssuer issuer;
    private final QueryGateway queries;

    ApiKeyController(IdempotentWrites writes, LedgerWriter writer, ApiKeyIssuer issuer, QueryGateway queries) {
        this.writes = writes;
        this.writer = writer;
        this.issuer = issuer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue an API key; the answer shows its secret once (ADMIN)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = {
                                                @ExampleObject(
                                                        name = "practiceWriter",
                                                        summary = "A key for a practice's EHR integration",
                                                        value = ApiKeyExamples.ISSUE_REQUEST),
                                                @ExampleObject(
                                                        name = "complianceOfficer",
                                                        summary = "A compliance officer's key that expires",
                                                        value = ApiKeyExamples.ISSUE_REQUEST_COMPLIANCE_OFFICER),
                                                @ExampleObject(
                                                        name = "admin",
                                                        summary = "An ADMIN key: no practiceId",
                                                        value = ApiKeyExamples.ISSUE_REQUEST_ADMIN)
                                            })))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Issued; apiKey is the secret, shown only in this answer (a replay shows null). Location is the key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IssuedApiKey.class),
                            examples = {
                                @ExampleObject(
                                        name = "practiceWriter",
                                        summary = "A PRACTICE_WRITER key",
                                        value = ApiKeyExamples.ISSUE_CREATED),
                                @ExampleObject(
                                        name = "complianceOfficer",
                                        summary = "A COMPLIANCE_OFFICER key that expires",
                                        value = ApiKeyExamples.ISSUE_CREATED_COMPLIANCE_OFFICER)
                            }))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No label; a practice-scoped role without practiceId",
                                            value = ApiKeyExamples.ISSUE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "PRACTICE_NOT_FOUND",
                                            summary = "Unknown practice",
                                            value = ApiKeyExamples.ISSUE_PRACTICE_NOT_FOUND)))
    ResponseEntity<Object> issue(@Valid @RequestBody IssueApiKeyRequest request, WriteContext context) {
        return writes.execute(context, "POST /api/admin/api-keys", request, () -> {
            IssuedApiKey issued = issuer.issue(
                    context,
                    request.role(),
                    request.practiceId() == null ? null : PracticeId.of(request.practiceId()),
                    request.label(),
                    request.expiresAt());
            return new WriteOutcome(
                    201, URI.create("/api/admin/api-keys/" + issued.keyId()), issued, issued.withoutSecret());
        });
    }

    @GetMapping
    @Operation(summary = "Every issued key, revoked ones included, without secrets (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "Every issued key, without secrets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = ApiKeyDescription.class)),
                            examples =
                                    @ExampleObject(
                                            name = "keys",
                                            summary = "The initial admin key and two practice keys",
                                            value = ApiKeyExamples.LIST_OK)))
    List<ApiKeyDescription> list() {
        return queries
                .query(new FindApiKeysQuery(), ResponseTypes.multipleInstancesOf(ApiKeyView.class))
                .join()
                .stream()
                .map(ApiKeyDescription::of)
                .toList();
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "One issued key, without its secret (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The key, without its secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiKeyDescription.class),
                            examples =
                                    @ExampleObject(
                                            name = "complianceOfficer",
                                            summary = "A compliance officer's key",
                                            value = ApiKeyExamples.GET_OK)))
    @ApiResponse(
            responseCode = "400",
            description = "A path or query parameter is invalid",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "keyId is not 16 hex digits",
                                            value = ApiKeyExamples.GET_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "API_KEY_NOT_FOUND",
                                            summary = "Unknown key",
                                            value = ApiKeyExamples.GET_API_KEY_NOT_FOUND)))
    ApiKeyDescription get(@PathVariable @Pattern(regexp = KEY_ID) String keyId) {
        return queries.query(new FindApiKeyQuery(keyId), ResponseTypes.optionalInstanceOf(ApiKeyView.class))
                .join()
                .map(ApiKeyDescription::of)
                .orElseThrow(() -> new UnknownRecordException("api-key", keyId));
    }

    @PostMapping(path = "/{keyId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Revoke a key; it authenticates nothing from then on (ADMIN)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "revoke",
                                                            summary = "Why the key is revoked",
                                                            value = ApiKeyExamples.REVOKE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Revoked; Location is the key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "revoked",
                                            summary = "The receipt: the key id and the appended event",
                                            value = ApiKeyExamples.REVOKE_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No reason",
                                            value = ApiKeyExamples.REVOKE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "API_KEY_NOT_FOUND",
                                            summary = "Unknown key",
                                            value = ApiKeyExamples.REVOKE_API_KEY_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "API_KEY_ALREADY_REVOKED",
                                            summary = "The key is already revoked",
                                            value = ApiKeyExamples.REVOKE_API_KEY_ALREADY_REVOKED)))
    ResponseEntity<Object> revoke(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @Valid @RequestBody RevokeApiKeyRequest request,
            WriteContext context) {
        String path = "/api/admin/api-keys/" + keyId;
        return writes.execute(
                context,
                "POST " + path + "/revocation",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                keyId,
                                writer.send(
                                        context,
                                        new RevokeApiKeyCommand(keyId, context.recordedAt(), request.reason())))));
    }

    @PostMapping(path = "/{keyId}/practice-grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Let a REGULATOR key read and export one more practice (ADMIN)",
            description = "Only REGULATOR keys are granted practices (409 PRACTICE_GRANT_NOT_REGULATOR); a practice"
                    + " is granted once (409 PRACTICE_ALREADY_GRANTED); a revoked key is granted nothing (409"
                    + " API_KEY_ALREADY_REVOKED). The grant takes effect on the key's next request.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "grant",
                                                            summary = "A practice for an investigation",
                                                            value = ApiKeyExamples.GRANT_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Granted; Location is the key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class)))
    ResponseEntity<Object> grantPractice(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @Valid @RequestBody GrantPracticeRequest request,
            WriteContext context) {
        String path = "/api/admin/api-keys/" + keyId;
        PracticeId practice = PracticeId.of(request.practiceId());
        return writes.execute(context, "POST " + path + "/practice-grants", request, () -> {
            issuer.requirePractice(practice);
            return WriteOutcome.created(
                    URI.create(path),
                    WriteReceipt.of(
                            keyId,
                            writer.send(
                                    context,
                                    new GrantPracticeAccessCommand(
                                            keyId, practice, request.reason(), context.recordedAt()))));
        });
    }

    @PostMapping(path = "/{keyId}/practice-grants/{practiceId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "End a REGULATOR key's access to one practice (ADMIN)",
            description = "409 PRACTICE_NOT_GRANTED when the key has no access to that practice.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "withdraw",
                                                            summary = "The investigation is closed",
                                                            value = ApiKeyExamples.WITHDRAW_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Withdrawn; Location is the key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class)))
    ResponseEntity<Object> withdrawPractice(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @PathVariable("practiceId") @Pattern(regexp = CommonRequests.ID) String practiceId,
            @Valid @RequestBody WithdrawPracticeRequest request,
            WriteContext context) {
        String path = "/api/admin/api-keys/" + keyId;
        return writes.execute(
                context,
                "POST " + path + "/practice-grants/" + practiceId + "/withdrawal",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                keyId,
                                writer.send(
                                        context,
                                        new WithdrawPracticeAccessCommand(
                                                keyId,
                                                PracticeId.of(practiceId),
                                                request.reason(),
                                                context.recordedAt())))));
    }
}
