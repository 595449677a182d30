package org.doseledger.projections.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One fact on a client's timeline: when it occurred, when the ledger recorded it, who recorded it,
 * its ledger position and the event's own fields.
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
        JsonNode details) {}
