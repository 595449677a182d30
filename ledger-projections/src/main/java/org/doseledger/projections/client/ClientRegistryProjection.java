package org.doseledger.projections.client;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.shared.ClientRef;
import org.springframework.jdbc.core.JdbcTemplate;

/** The clients of each practice, for commands that must name a registered client (a draw). */
@ProcessingGroup(ClientRegistryProjection.PROCESSING_GROUP)
public class ClientRegistryProjection implements Clients {

    public static final String PROCESSING_GROUP = "client-registry";

    private final JdbcTemplate jdbc;

    public ClientRegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        jdbc.update("""
                insert into client_registry (practice_id, client_id, registered_at) values (?, ?, ?)
                on conflict do nothing
                """, event.practiceId().value(), event.clientId(), Timestamp.from(event.occurredAt()));
    }

    @Override
    public Optional<Instant> registeredAt(ClientRef client) {
        return jdbc
                .query(
                        "select registered_at from client_registry where practice_id = ? and client_id = ?",
                        (rs, row) -> rs.getTimestamp(1).toInstant(),
                        client.practiceId().value(),
                        client.clientId())
                .stream()
                .findFirst();
    }
}
