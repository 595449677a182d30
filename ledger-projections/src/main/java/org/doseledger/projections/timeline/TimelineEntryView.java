package org.doseledger.projections.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One fact on a client's timeline: when it occurred, when the ledger recorded it, who recorded it,
 * its ledger position and the event's own fields; and, beside it, the corrections later recorded
 * against it (absent when there are none).
 */
public record TimelineEntryView(
        long ledgerPosition,
        String eventId,
        String eventType,
        Instant occurredAt,
        Instant recordedAt,
        String credentialId,
        String practitionerId,
        String requestId,
        JsonNode details,
        List<TimelineEntryView> corrections) {

    TimelineEntryView withCorrections(List<TimelineEntryView> found) {
        return new TimelineEntryView(
                ledgerPosition,
                eventId,
                eventType,
                occurredAt,
                recordedAt,
                credentialId,
                practitionerId,
                requestId,
                details,
                found.isEmpty() ? null : List.copyOf(found));
    }
}
