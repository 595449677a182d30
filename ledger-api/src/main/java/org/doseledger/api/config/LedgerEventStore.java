package org.doseledger.api.config;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when a ledger transaction has committed. Writes run in a Spring
 * transaction that outlives Axon's unit of work, so the store's own "events committed" signal comes
 * before the rows are visible; without this nudge streaming processors would only see new events at
 * their next poll, up to a second later.
 */
public class LedgerEventStore extends EmbeddedEventStore {

    LedgerEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the event producer so that waiting processors read the newly committed events now. */
    public void eventsCommitted() {
        afterCommit(List.of());
    }
}
