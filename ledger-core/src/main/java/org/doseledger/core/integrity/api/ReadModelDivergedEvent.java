package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * A read model was found to differ from the event log: what people read from it (an audit trail, a
 * timeline, an inventory) may leave out or misplace events until it is replayed.
 *
 * @param processor the streaming processor that builds the read model
 * @param reconciledUpTo the ledger position up to which it was compared
 * @param divergences events or rows found wrong
 * @param summary what was found and where
 */
@Revision("1")
public record ReadModelDivergedEvent(
        String processor, long reconciledUpTo, long divergences, String summary, Instant occurredAt)
        implements LedgerEvent {}
