package org.doseledger.api.practice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.core.practice.api.RegisterPracticeCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

final class PracticeRequests {

    private PracticeRequests() {}

    /**
     * @param practiceId chosen by the administrator; appears in every URL of the practice
     * @param occurredAt when the practice registered; defaults to the time the ledger records it
     */
    record RegisterPracticeRequest(
            @NotBlank
            @Pattern(
                    regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                    message = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String practiceId,

            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressBody address,
            @NotBlank @ValidDeaNumber String deaNumber,
            @NotNull LocalDate deaRegistrationExpiresOn,
            @NotEmpty List<@NotNull ControlledSchedule> authorizedSchedules,
            @PastOrPresent Instant occurredAt) {

        RegisterPracticeCommand toCommand(Instant recordedAt) {
            return new RegisterPracticeCommand(
                    PracticeId.of(practiceId),
                    name,
                    address.toAddress(),
                    DeaNumber.of(deaNumber),
                    deaRegistrationExpiresOn,
                    EnumSet.copyOf(authorizedSchedules),
                    occurredAt != null ? occurredAt : recordedAt);
        }
    }
}
