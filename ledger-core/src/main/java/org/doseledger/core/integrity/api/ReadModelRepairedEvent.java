package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * A read model found to differ from the event log was found consistent with it again (after a replay),
 * up to the given position.
 */
@Revision("1")
public record ReadModelRepairedEvent(String processor, long reconciledUpTo, Instant occurredAt)
        implements LedgerEvent {}
