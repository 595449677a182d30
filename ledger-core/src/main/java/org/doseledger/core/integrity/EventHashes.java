package org.doseledger.core.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical forms the ledger hashes, byte for byte as docs/tamper-evidence.md defines them (and
 * the database trigger computes them): an event's hash over its stored columns and its stream
 * predecessor's hash, and the global chain hash over the global index.
 */
public final class EventHashes {

    /** The predecessor hash of the first event of a stream, and the chain hash before the first event. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] EVENT_TAG = "DOSE-LEDGER-EVENT/1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHAIN_TAG = "DOSE-LEDGER-CHAIN/1".getBytes(StandardCharsets.UTF_8);

    private EventHashes() {}

    /** SHA-256 of the event's canonical form, with the given predecessor hash. */
    public static byte[] eventHash(StoredEvent event, byte[] previousHash) {
        MessageDigest digest = DIGEST.get();
        digest.update(EVENT_TAG);
        field(digest, text(Long.toString(event.globalIndex())));
        field(digest, text(event.eventIdentifier()));
        field(digest, text(event.aggregateIdentifier()));
        field(digest, text(Long.toString(event.sequenceNumber())));
        field(digest, text(event.type()));
        field(digest, text(event.payloadType()));
        field(digest, text(event.payloadRevision()));
        field(digest, text(event.timeStamp()));
        field(digest, event.payload());
        field(digest, event.metaData());
        field(digest, previousHash);
        return digest.digest();
    }

    /** The global chain after one more event: SHA-256 of tag, previous chain hash, index (8 bytes) and event hash. */
    public static byte[] chainHash(byte[] previousChainHash, long globalIndex, byte[] eventHash) {
        MessageDigest digest = DIGEST.get();
        digest.update(CHAIN_TAG);
        digest.update(previousChainHash);
        digest.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        digest.update(eventHash);
        return digest.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return DIGEST.get().digest(bytes);
    }

    private static final byte[] ABSENT = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    /** One SHA-256 per thread, reset by each digest: hashing a million events allocates no digests. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest digest, byte[] value) {
        if (value == null) {
            digest.update(ABSENT);
        } else {
            digest.update((byte) (value.length >>> 24));
            digest.update((byte) (value.length >>> 16));
            digest.update((byte) (value.length >>> 8));
            digest.update((byte) value.length);
            digest.update(value);
        }
    }

    /** Length-prefixed fields: 4-byte big-endian length then the bytes; null is length 0xFFFFFFFF. */
    static final class Canonical {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        Canonical(byte[] tag) {
            out.writeBytes(tag);
        }

        Canonical text(String value) {
            return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        Canonical bytes(byte[] value) {
            if (value == null) {
                out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            } else {
                out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
                out.writeBytes(value);
            }
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
