package org.doseledger.core.integrity.tlog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signature type identifier bytes of c2sp.org/signed-note that this package implements. Each goes
 * into the key ID and the vkey, so the same Ed25519 key used as a log key and as a witness key has two
 * different key IDs.
 */
public enum SignatureType {

    /** 0x01: Ed25519 over the note text (c2sp.org/signed-note). */
    ED25519((byte) 0x01),

    /**
     * 0x04: timestamped Ed25519 witness cosignatures, cosignature/v1 (c2sp.org/tlog-cosignature): the
     * signature is over a header, a time line and the note text, and carries the time.
     */
    COSIGNATURE_V1((byte) 0x04);

    private final byte id;

    SignatureType(byte id) {
        this.id = id;
    }

    public byte id() {
        return id;
    }

    public static Optional<SignatureType> of(byte id) {
        return Arrays.stream(values()).filter(type -> type.id == id).findFirst();
    }
}
