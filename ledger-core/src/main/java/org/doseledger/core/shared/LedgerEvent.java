package org.doseledger.core.shared;

import java.time.Instant;

/**
 * A fact recorded in the ledger. Every event says when it occurred in the clinic (reported by the
 * client); when the ledger recorded it travels in the event's metadata ({@link LedgerMetadata#RECORDED_AT}).
 */
public interface LedgerEvent {

    /** When the fact happened, as reported by the practice. */
    Instant occurredAt();
}
