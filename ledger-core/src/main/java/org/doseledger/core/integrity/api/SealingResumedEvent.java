package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/** Sealing works again after it had halted: the recent events are covered by a signed checkpoint. */
@Revision("1")
public record SealingResumedEvent(Instant occurredAt) implements LedgerEvent {}
