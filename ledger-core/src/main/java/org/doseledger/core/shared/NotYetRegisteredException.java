package org.doseledger.core.shared;

import java.time.Instant;

/**
 * An act dated before something it names existed in the ledger: a receipt of a product, at a location,
 * or a dose for a client, before that product, location or client was registered. Register it with
 * the date it really came into use, or date the act when it really happened.
 */
public class NotYetRegisteredException extends LedgerRuleViolation {

    public NotYetRegisteredException(String kind, String id, Instant registeredAt, Instant occurredAt) {
        super("The " + kind + " " + id + " was not registered until " + registeredAt + ", after the act dated "
                + occurredAt);
    }

    @Override
    public String code() {
        return "NOT_YET_REGISTERED";
    }
}
