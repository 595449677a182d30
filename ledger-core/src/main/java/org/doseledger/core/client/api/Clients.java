package org.doseledger.core.client.api;

import org.doseledger.core.shared.ClientRef;

/** Tells whether a client is registered with a practice (kept in the command's transaction). */
public interface Clients {

    boolean exists(ClientRef client);
}
