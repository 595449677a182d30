package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * The whole ledger was verified: the two verdicts, how much was checked, and the first failure of
 * each verdict ({@code CODE at position N: detail}; null when it passed).
 */
@Revision("1")
public record LedgerVerifiedEvent(
        boolean integrityOk,
        boolean completenessOk,
        long eventsChecked,
        long checkpointsChecked,
        long lastSealedIndex,
        String integrityFailure,
        String completenessFailure,
        Instant startedAt,
        Instant occurredAt)
        implements LedgerEvent {}
