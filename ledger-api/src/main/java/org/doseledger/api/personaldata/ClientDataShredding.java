package org.doseledger.api.personaldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.doseledger.api.export.ExportJobs;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.client.api.RetentionPeriodNotOverException;
import org.doseledger.core.client.api.ShredClientDataKeyCommand;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shreds a client's data key once the retention period has passed since the latest entry on the client's
 * timeline (registration, consents, sessions, draws, doses, corrections), counted from when the ledger
 * recorded it, or from when it occurred if that is later: a date the practice software sends cannot start
 * the clock early. The event and the destruction of the wrapped key commit together, in the write's
 * transaction, and every export bundle that may name the client is destroyed with them.
 */
@Component
class ClientDataShredding {

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final LedgerWriter writer;
    private final PrivacyProperties properties;
    private final ExportJobs exports;

    ClientDataShredding(
            JdbcTemplate jdbc,
            ClientDataKeys keys,
            LedgerWriter writer,
            PrivacyProperties properties,
            ExportJobs exports) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.writer = writer;
        this.properties = properties;
        this.exports = exports;
    }

    /** What shredding did: the events it appended and the export bundles it destroyed. */
    record Shredded(List<AppendedEvent> events, List<String> purgedExports) {}

    Shredded shred(WriteContext context, ClientRef client, String reason) {
        Instant lastActivity = lastActivity(client);
        Instant now = context.recordedAt();
        if (now.isBefore(properties.retention().endsAfter(lastActivity))) {
            throw new RetentionPeriodNotOverException(
                    client.clientId(), lastActivity, properties.retention().minimum());
        }
        String keyId = keys.find(client).map(ClientDataKeys.DataKey::keyId).orElse(null);
        List<AppendedEvent> appended =
                writer.send(context, new ShredClientDataKeyCommand(client, keyId, reason, lastActivity, now));
        keys.shred(client);
        return new Shredded(appended, exports.purgeBundlesNaming(client));
    }

    private Instant lastActivity(ClientRef client) {
        Timestamp last =
                jdbc.queryForObject("""
                select max(greatest(occurred_at, recorded_at)) from client_timeline
                where practice_id = ? and client_id = ? and event_type <> 'ClientDataKeyShredded'
                """, Timestamp.class, client.practiceId().value(), client.clientId());
        if (last == null) {
            throw new UnknownRecordException("client", client.clientId());
        }
        return last.toInstant();
    }
}
