package org.doseledger.api.console;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.console.ConsoleAccountRegistration.CreatedConsoleAccount;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console accounts for people: an admin opens one per person. Revoking the account's key
 * ({@code POST /api/admin/api-keys/{keyId}/revocation}) closes it and ends its sessions; a regulator's
 * practices are granted on the key like any regulator key's.
 */
@RestController
@RequestMapping("/api/admin/console-accounts")
@AllowedRoles(Role.ADMIN)
@Tag(name = "Console accounts", description = "Sign-in to the web console for people (ADMIN)")
class ConsoleAccountController {

    /**
     * @param username what the person types to sign in
     * @param name their printed name and title, as they sign a paper log; the console records it as the
     *     reviewer of what they review
     * @param practiceId required for COMPLIANCE_OFFICER and PRACTICE_WRITER, absent for ADMIN, and for
     *     REGULATOR the first practice granted
     * @param expiresAt when the account stops working; none when absent
     */
    record CreateConsoleAccountRequest(
            @NotNull @Pattern(regexp = USERNAME) String username,
            @NotBlank @Size(max = 200) String name,
            @NotNull Role role,
            @Pattern(regexp = CommonRequests.ID) String practiceId,
            @Future Instant expiresAt) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(
                message =
                        "practiceId is required for PRACTICE_WRITER and COMPLIANCE_OFFICER, and must be absent for ADMIN")
        boolean isScopeConsistent() {
            return role == null || role.acceptsIssuingPractice(practiceId);
        }

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(
                message = "console accounts are for people: COMPLIANCE_OFFICER, REGULATOR or ADMIN; practice software"
                        + " uses an API key")
        boolean isPersonsRole() {
            return role != Role.PRACTICE_WRITER;
        }
    }

    static final String USERNAME = "[a-z0-9][a-z0-9._@-]{1,63}";

    private final ConsoleAccountRegistration registration;

    ConsoleAccountController(ConsoleAccountRegistration registration) {
        this.registration = registration;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Open a console account; the answer shows its password and TOTP secret once (ADMIN)",
            description = "Issues the account a credential (ApiKeyIssued) with the role, practice and expiry asked"
                    + " for, and generates its first password and the TOTP secret of its second factor.")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CreatedConsoleAccount.class)))
    ResponseEntity<Object> create(@Valid @RequestBody CreateConsoleAccountRequest request, WriteContext context) {
        return registration.open(context, request);
    }
}
