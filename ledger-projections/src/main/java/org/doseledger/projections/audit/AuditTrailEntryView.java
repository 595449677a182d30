package org.doseledger.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event as the audit trail shows it: its place in the ledger, what it is about, who wrote it, all
 * of it, and its hash and its stream predecessor's hash (hex; docs/tamper-evidence.md).
 */
public record AuditTrailEntryView(
        long ledgerPosition,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        Long sequenceNumber,
        Instant occurredAt,
        Instant recordedAt,
        String clientId,
        String locationId,
        String substance,
        List<String> practitioners,
        String credentialId,
        String requestId,
        String idempotencyKey,
        JsonNode payload,
        JsonNode metadata,
        String hash,
        String previousHash) {}
