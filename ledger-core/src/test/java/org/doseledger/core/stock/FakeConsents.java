package org.doseledger.core.stock;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;

/** Consents that cover every dose, unless a client is marked as having none. */
final class FakeConsents implements Consents {

    private final Set<ClientRef> withoutConsent = new HashSet<>();

    FakeConsents without(ClientRef client) {
        withoutConsent.add(client);
        return this;
    }

    @Override
    public String problemWith(ClientRef client, Route route, CareModel careModel, Instant at) {
        return withoutConsent.contains(client) ? "no consent on record" : null;
    }
}
