package org.doseledger.api.personaldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.client.api.RetentionPeriodNotOverException;
import org.doseledger.core.client.api.ShredClientDataKeyCommand;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.UnknownRecordException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shreds a client's data key once the retention period has passed since the latest occurred time of
 * anything on the client's timeline (registration, consents, sessions, draws, doses, corrections). The
 * event and the destruction of the wrapped key commit together, in the write's transaction.
 */
@Component
class ClientDataShredding {

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final LedgerWriter writer;
    private final PrivacyProperties properties;

    ClientDataShredding(JdbcTemplate jdbc, ClientDataKeys keys, LedgerWriter writer, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.writer = writer;
        this.properties = properties;
    }

    List<AppendedEvent> shred(WriteContext context, ClientRef client, String reason) {
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
        return appended;
    }

    private Instant lastActivity(ClientRef client) {
        Timestamp last =
                jdbc.queryForObject("""
                select max(occurred_at) from client_timeline
                where practice_id = ? and client_id = ? and event_type <> 'ClientDataKeyShredded'
                """, Timestamp.class, client.practiceId().value(), client.clientId());
        if (last == null) {
            throw new UnknownRecordException("client", client.clientId());
        }
        return last.toInstant();
    }
}
