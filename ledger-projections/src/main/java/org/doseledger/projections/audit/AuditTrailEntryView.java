package org.doseledger.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.doseledger.projections.support.LoggedEvent;

/**
 * One event as the audit trail shows it: its place in the ledger, what it is about, who wrote it, all
 * of it, and its hash and its stream predecessor's hash (hex; docs/tamper-evidence.md). Payload, metadata
 * and hashes are read from the event log; {@code verified} says that the log holds this event at this
 * position and that its stored hash is the hash of its stored content.
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
        String previousHash,
        boolean verified) {

    /** This row with its event's content as the event log holds it. */
    public AuditTrailEntryView withLoggedEvent(LoggedEvent logged, ObjectMapper json) {
        return new AuditTrailEntryView(
                ledgerPosition,
                eventId,
                eventType,
                aggregateType,
                aggregateId,
                sequenceNumber,
                occurredAt,
                recordedAt,
                clientId,
                locationId,
                substance,
                practitioners,
                credentialId,
                requestId,
                idempotencyKey,
                withheld(tree(logged.payload(), json)),
                tree(logged.metaData(), json),
                hex(logged.eventHash()),
                hex(logged.previousHash()),
                logged.verified());
    }

    /**
     * An API key's secret hash never leaves the service, not even to a regulator reading the audit trail: it
     * would let anyone test guessed secrets offline. The field stays, its value reads {@code [withheld]}.
     */
    private static JsonNode withheld(JsonNode payload) {
        if (payload instanceof com.fasterxml.jackson.databind.node.ObjectNode fields && fields.has("secretSha256")) {
            fields.put("secretSha256", "[withheld]");
        }
        return payload;
    }

    private static JsonNode tree(byte[] bytes, ObjectMapper json) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // content the log holds but nobody can parse is shown as the text it is
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
