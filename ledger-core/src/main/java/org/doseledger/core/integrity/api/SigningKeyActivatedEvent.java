package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * Checkpoints are signed with this key from now on: its id (the first 16 hex digits of the SHA-256 of
 * its X.509 encoding), algorithm, public key (X.509, Base64) and the key it replaces (null for the
 * first). Checkpoints signed with earlier keys stay verifiable with those keys.
 */
@Revision("1")
public record SigningKeyActivatedEvent(
        String keyId, String algorithm, String publicKey, String previousKeyId, Instant occurredAt)
        implements LedgerEvent {}
