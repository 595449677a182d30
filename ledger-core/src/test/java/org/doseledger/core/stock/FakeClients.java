package org.doseledger.core.stock;

import java.util.HashSet;
import java.util.Set;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.shared.ClientRef;

/** In-memory registered clients. */
final class FakeClients implements Clients {

    private final Set<ClientRef> clients = new HashSet<>();

    FakeClients with(ClientRef client) {
        clients.add(client);
        return this;
    }

    @Override
    public boolean exists(ClientRef client) {
        return clients.contains(client);
    }
}
