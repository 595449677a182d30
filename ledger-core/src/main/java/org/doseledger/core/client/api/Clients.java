package org.doseledger.core.client.api;

import java.time.Instant;
import java.util.Optional;
import org.doseledger.core.shared.ClientRef;

/** Tells whether and since when a client is registered with a practice (kept in the command's transaction). */
public interface Clients {

    /** When the client was registered (its registration's occurred time), or empty if they are not. */
    Optional<Instant> registeredAt(ClientRef client);

    default boolean exists(ClientRef client) {
        return registeredAt(client).isPresent();
    }
}
