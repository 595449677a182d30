package org.doseledger.core.integrity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;

/**
 * The key that signed checkpoints until now vouches for the key that signs them from now on: the new key's id and
 * public key (X.509, Base64), the endorsing key's id and its Ed25519 signature (Base64) over the endorsement text of
 * {@code KeyEndorsement.signedText} (docs/tamper-evidence.md). A verifier that pins the first key follows every
 * rotation through these events; the signature, not the event's place in the database, is what it trusts.
 */
@Revision("1")
public record SigningKeyEndorsedEvent(
        String keyId, String publicKey, String endorserKeyId, String signature, Instant occurredAt)
        implements LedgerEvent {}
