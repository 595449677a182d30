package org.doseledger.core.client.api;

import java.time.Instant;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;

/**
 * Tells whether a client had an active consent covering a route under a care model at a moment.
 * Implementations must hold the client's consents stable until the asking transaction ends, so that
 * a revocation committing concurrently is either seen or waits: no dose is accepted after a committed
 * revocation.
 */
public interface Consents {

    /**
     * Why no consent covered the dose, or null when one did. A null route asks for a consent under that
     * care model whatever its routes: a draw, whose route is known only when the dose is given.
     */
    String problemWith(ClientRef client, Route route, CareModel careModel, Instant at);
}
