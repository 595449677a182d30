package org.doseledger.api.audit;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.shared.Substance;
import org.doseledger.projections.audit.AuditTrailFilter;

/** The audit trail's query parameters; every filter is optional and they combine with AND. */
record AuditTrailParams(
        @Parameter(description = "occurred at or after (ISO 8601 with offset)")
        Instant occurredFrom,

        @Parameter(description = "occurred before (exclusive)")
        Instant occurredTo,

        @Parameter(description = "recorded by the ledger at or after")
        Instant recordedFrom,

        @Parameter(description = "recorded by the ledger before (exclusive)")
        Instant recordedTo,

        @Parameter(description = "id of the credential (API key) that wrote the event")
        @Pattern(regexp = CommonRequests.ID)
        String actor,

        @Parameter(description = "a practitioner the event names: who drew, witnessed, co-signed, acted")
        @Pattern(regexp = CommonRequests.ID)
        String practitioner,

        @Parameter(description = "client id") @Pattern(regexp = CommonRequests.ID)
        String client,

        @Parameter(description = "substance of the product the event is about")
        Substance substance,

        @Parameter(description = "storage location id") @Pattern(regexp = CommonRequests.ID)
        String location,

        @Parameter(description = "event type without the Event suffix, e.g. DoseDrawn; repeat for several")
        @Size(max = 50)
        List<@Pattern(regexp = "[A-Za-z]{1,64}") String> eventType,

        @Parameter(description = "the request id a write answered with (X-Request-Id)")
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}")
        String requestId,

        @Parameter(description = "cursor: nextAfterPosition of the previous page; 0 starts at the beginning") @Min(0)
        Long afterPosition,

        @Parameter(description = "wait (bounded) until the audit trail includes this ledger position") @Min(1)
        Long atLeastPosition) {

    AuditTrailFilter filter() {
        return new AuditTrailFilter(
                occurredFrom,
                occurredTo,
                recordedFrom,
                recordedTo,
                actor,
                practitioner,
                client,
                substance == null ? null : substance.name(),
                location,
                eventType,
                requestId);
    }

    long after() {
        return afterPosition == null ? 0 : afterPosition;
    }
}
