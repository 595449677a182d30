package org.doseledger.api.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.shared.PracticeId;

final class LocationRequests {

    private LocationRequests() {}

    /** @param refrigerated whether the safe or cabinet is refrigerated */
    record RegisterLocationRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String locationId,

            @NotBlank @Size(max = 200) String name,
            @NotNull LocationKind kind,
            boolean refrigerated) {

        RegisterStorageLocationCommand toCommand(PracticeId practiceId) {
            return new RegisterStorageLocationCommand(practiceId, locationId, name, kind, refrigerated);
        }
    }
}
