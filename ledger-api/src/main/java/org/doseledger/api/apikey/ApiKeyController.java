package org.doseledger.api.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
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

    private final QueryGateway queries;

    private final CredentialAdministration administration;

    ApiKeyController(QueryGateway queries, CredentialAdministration administration) {
        this.administration = administration;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue an API key; the answer shows its secret once (ADMIN)")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IssuedApiKey.class)))
    ResponseEntity<Object> issue(@Valid @RequestBody IssueApiKeyRequest request, WriteContext context) {
        return administration.issue(context, request);
    }

    @GetMapping
    @Operation(summary = "Every issued key, revoked ones included, without secrets (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = ApiKeyDescription.class))))
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
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ApiKeyDescription.class)))
    ApiKeyDescription get(@PathVariable @Pattern(regexp = KEY_ID) String keyId) {
        return queries.query(new FindApiKeyQuery(keyId), ResponseTypes.optionalInstanceOf(ApiKeyView.class))
                .join()
                .map(ApiKeyDescription::of)
                .orElseThrow(() -> new UnknownRecordException("api-key", keyId));
    }

    @PostMapping(path = "/{keyId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke a key; it authenticates nothing from then on (ADMIN)")
    ResponseEntity<Object> revoke(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @Valid @RequestBody RevokeApiKeyRequest request,
            WriteContext context) {
        return administration.revoke(context, keyId, request);
    }

    @PostMapping(path = "/{keyId}/practice-grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Let a REGULATOR key read and export one more practice (ADMIN)",
            description = "Only REGULATOR keys are granted practices (409 PRACTICE_GRANT_NOT_REGULATOR); a practice"
                    + " is granted once (409 PRACTICE_ALREADY_GRANTED); a revoked key is granted nothing (409"
                    + " API_KEY_ALREADY_REVOKED). The grant takes effect on the key's next request.")
    ResponseEntity<Object> grantPractice(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @Valid @RequestBody GrantPracticeRequest request,
            WriteContext context) {
        return administration.grant(context, keyId, request);
    }

    @PostMapping(path = "/{keyId}/practice-grants/{practiceId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "End a REGULATOR key's access to one practice (ADMIN)",
            description = "409 PRACTICE_NOT_GRANTED when the key has no access to that practice.")
    ResponseEntity<Object> withdrawPractice(
            @PathVariable @Pattern(regexp = KEY_ID) String keyId,
            @PathVariable("practiceId") @Pattern(regexp = CommonRequests.ID) String practiceId,
            @Valid @RequestBody WithdrawPracticeRequest request,
            WriteContext context) {
        return administration.withdraw(context, keyId, practiceId, request);
    }
}
