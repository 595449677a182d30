package org.doseledger.api.apikey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.apikey.api.Role;

final class ApiKeyRequests {

    private ApiKeyRequests() {}

    /**
     * @param practiceId the practice the key acts for: required for PRACTICE_WRITER and COMPLIANCE_OFFICER,
     *     absent for ADMIN, and for REGULATOR the first practice granted (others are granted later)
     * @param label what the key is for, e.g. "EHR integration, main office"
     * @param expiresAt when the key stops working; none when absent
     */
    record IssueApiKeyRequest(
            @NotNull Role role,

            @Pattern(regexp = CommonRequests.ID) String practiceId,

            @NotBlank @Size(max = 200) String label,
            @Future Instant expiresAt) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(
                message =
                        "practiceId is required for PRACTICE_WRITER and COMPLIANCE_OFFICER, and must be absent for ADMIN")
        boolean isScopeConsistent() {
            return role == null || role.acceptsIssuingPractice(practiceId);
        }
    }

    record RevokeApiKeyRequest(@NotBlank @Size(max = 1000) String reason) {}

    /**
     * Grant a REGULATOR key one more practice.
     *
     * @param practiceId the practice it may read and export from now on
     * @param reason why, e.g. the case or subpoena number
     */
    record GrantPracticeRequest(
            @NotNull @Pattern(regexp = CommonRequests.ID) String practiceId,
            @NotBlank @Size(max = 1000) String reason) {}

    record WithdrawPracticeRequest(
            @NotBlank @Size(max = 1000) String reason) {}
}
