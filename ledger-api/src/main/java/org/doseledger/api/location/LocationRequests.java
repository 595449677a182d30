package org.doseledger.api.location;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

final class LocationRequests {

    private LocationRequests() {}

    /**
     * @param refrigerated whether the safe or cabinet is refrigerated; false when absent or null
     * @param occurredAt when the location came into use, if before now: no entry can be dated at the
     *     location before it
     * @param address where the location is, when that is not the practice's registered address
     * @param deaNumber the DEA registration of {@code address}, which stock there is held under; required
     *     with an address other than the practice's, refused without one
     * @param remsHealthcareSettingId the Spravato REMS certification id of the healthcare setting where
     *     sessions at the location take place
     */
    record RegisterLocationRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String locationId,

            @NotBlank @Size(max = 200) String name,
            @NotNull LocationKind kind,

            @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "false")
            Boolean refrigerated,

            @PastOrPresent Instant occurredAt,
            @Valid AddressBody address,
            @Size(max = 9) @ValidDeaNumber String deaNumber,

            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits or hyphens")
            String remsHealthcareSettingId) {

        RegisterStorageLocationCommand toCommand(PracticeId practiceId) {
            return new RegisterStorageLocationCommand(
                    practiceId,
                    locationId,
                    name,
                    kind,
                    Boolean.TRUE.equals(refrigerated),
                    occurredAt,
                    address == null ? null : address.toAddress(),
                    deaNumber == null ? null : DeaNumber.of(deaNumber),
                    remsHealthcareSettingId);
        }
    }
}
