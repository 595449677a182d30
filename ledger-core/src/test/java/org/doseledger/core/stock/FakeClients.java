package org.doseledger.core.stock;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.shared.ClientRef;

/** In-memory registered clients. */
final class FakeClients implements Clients {

    private final Map<ClientRef, Instant> clients = new HashMap<>();

    /** A client registered long before any entry of the tests. */
    FakeClients with(ClientRef client) {
        return with(client, Instant.EPOCH);
    }

    FakeClients with(ClientRef client, Instant registeredAt) {
        clients.put(client, registeredAt);
        return this;
    }

    @Override
    public Optional<Instant> registeredAt(ClientRef client) {
        return Optional.ofNullable(clients.get(client));
    }
}
