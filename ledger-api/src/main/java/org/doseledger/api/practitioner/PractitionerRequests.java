package org.doseledger.api.practitioner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.core.practitioner.api.DeactivatePractitionerCommand;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.RegisterPractitionerCommand;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

final class PractitionerRequests {

    private PractitionerRequests() {}

    /** @param deaNumber the practitioner's own DEA registration; required for prescribers */
    record RegisterPractitionerRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String practitionerId,

            @NotBlank @Size(max = 200) String name,
            @NotEmpty List<@NotNull PractitionerRole> roles,
            @ValidDeaNumber String deaNumber,
            @NotNull @PastOrPresent Instant occurredAt) {

        RegisterPractitionerCommand toCommand(PracticeId practiceId) {
            return new RegisterPractitionerCommand(
                    practiceId,
                    practitionerId,
                    name,
                    EnumSet.copyOf(roles),
                    deaNumber == null ? null : DeaNumber.of(deaNumber),
                    occurredAt);
        }
    }

    record DeactivatePractitionerRequest(
            @NotNull @PastOrPresent Instant occurredAt,
            @NotBlank @Size(max = 1000) String reason) {

        DeactivatePractitionerCommand toCommand(PracticeId practiceId, String practitionerId) {
            return new DeactivatePractitionerCommand(practiceId, practitionerId, occurredAt, reason);
        }
    }
}
