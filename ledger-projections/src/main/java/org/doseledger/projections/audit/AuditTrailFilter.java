package org.doseledger.projections.audit;

import java.time.Instant;
import java.util.List;

/**
 * Which events of a practice an audit-trail read wants; every field is optional and they combine with
 * AND. Time ranges are half-open: {@code from} inclusive, {@code to} exclusive.
 */
public record AuditTrailFilter(
        Instant occurredFrom,
        Instant occurredTo,
        Instant recordedFrom,
        Instant recordedTo,
        String credentialId,
        String practitionerId,
        String clientId,
        String substance,
        String locationId,
        List<String> eventTypes,
        String requestId) {

    public AuditTrailFilter {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    public static AuditTrailFilter everything() {
        return new AuditTrailFilter(null, null, null, null, null, null, null, null, null, List.of(), null);
    }
}
