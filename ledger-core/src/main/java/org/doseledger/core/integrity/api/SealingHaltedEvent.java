package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * Sealing stopped: the sealer refused to sign a tree that does not extend what it signed before, or
 * nothing was sealed for longer than the bound (someone holds the sealing lock, the sealer fails). Events
 * recorded meanwhile are not yet covered by a signed checkpoint.
 */
@Revision("1")
public record SealingHaltedEvent(String reason, Instant occurredAt) implements LedgerEvent {}
