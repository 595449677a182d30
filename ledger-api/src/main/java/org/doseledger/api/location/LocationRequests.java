package org.doseledger.api.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.RegisterStorageLocationCommand;
import org.doseledger.core.shared.PracticeId;

final class LocationRequests {

    private LocationRequests() {}

    /**
     * @param refrigerated whether the safe or cabinet is refrigerated
     * @param occurredAt when the location came into use, if before now: no entry can be dated at the
     *     location before it
     */
    record RegisterLocationRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String locationId,

            @NotBlank @Size(max = 200) String name,
            @NotNull LocationKind kind,
            boolean refrigerated,
            @PastOrPresent Instant occurredAt) {

        RegisterStorageLocationCommand toCommand(PracticeId practiceId) {
            return new RegisterStorageLocationCommand(practiceId, locationId, name, kind, refrigerated, occurredAt);
        }
    }
}
