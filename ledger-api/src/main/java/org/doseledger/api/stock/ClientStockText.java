package org.doseledger.api.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.doseledger.api.web.CommonRequests.LateEntryBody;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseOverride;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Free text of a stock entry about a client (a late entry's reason, an override's rationale, a correction's
 * reason) can name the client, so it is sealed under the client's data key like the client's other
 * personal data and dies with it (docs/personal-data.md). Runs inside the write's transaction. The client
 * is read from the event store itself (the draw's or the corrected entry's event), never from a read
 * model that could lag, and only when there is text to seal.
 */
@Component
class ClientStockText {

    /** The field name sealed items of stock entries are bound to: their JSON property in the event. */
    static final String SEALED_REASON = "sealedReason";

    static final String SEALED_RATIONALE = "sealedRationale";

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    ClientStockText(JdbcTemplate jdbc, ClientDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The late entry as the command carries it: its reason sealed when the entry is about a client. */
    LateEntry lateEntry(LateEntryBody body, Supplier<ClientRef> client) {
        LateEntry plain = LateEntryBody.toLateEntry(body);
        if (plain == null
                || plain.isImported()
                || plain.reason() == null
                || plain.reason().isBlank()) {
            return plain;
        }
        ClientRef about = client.get();
        return about == null ? plain : LateEntry.sealed(seal(about, SEALED_REASON, plain.reason()), plain.cosignedBy());
    }

    /** The override as the command carries it: its rationale sealed under the client's key. */
    DoseOverride override(String rationale, String approvedBy, Supplier<ClientRef> client) {
        if (rationale == null || rationale.isBlank()) {
            return new DoseOverride(rationale, approvedBy);
        }
        ClientRef about = client.get();
        return about == null
                ? new DoseOverride(rationale, approvedBy)
                : new DoseOverride(null, approvedBy, seal(about, SEALED_RATIONALE, rationale));
    }

    SealedPersonalData seal(ClientRef client, String field, String text) {
        return keys.seal(client, field, text);
    }

    /** The client a draw of the lot was for, or null when the lot has no such draw (the command refuses it). */
    ClientRef clientOfDraw(StockLotRef lot, String drawId) {
        List<byte[]> drawn =
                jdbc.queryForList("""
                select payload from domain_event_entry
                where aggregate_identifier = ? and payload_type = ?
                  and convert_from(payload, 'UTF8')::jsonb ->> 'drawId' = ?
                """, byte[].class, lot.aggregateId(), DoseDrawnEvent.class.getName(), drawId);
        return drawn.isEmpty() ? null : clientOf(lot, drawn.get(0));
    }

    /** The client an entry of the lot is about, or null when it is about none (a receipt) or is not the lot's. */
    ClientRef clientOfEntry(StockLotRef lot, String eventId) {
        List<byte[]> entry = jdbc.queryForList(
                "select payload from domain_event_entry where event_identifier = ? and aggregate_identifier = ?",
                byte[].class,
                eventId,
                lot.aggregateId());
        return entry.isEmpty() ? null : clientOf(lot, entry.get(0));
    }

    private ClientRef clientOf(StockLotRef lot, byte[] payload) {
        try {
            JsonNode clientId = json.readTree(payload).path("clientId");
            return clientId.isTextual() ? new ClientRef(lot.practiceId(), clientId.asText()) : null;
        } catch (IOException e) {
            throw new IllegalStateException("an event of " + lot + " is unreadable", e);
        }
    }
}
