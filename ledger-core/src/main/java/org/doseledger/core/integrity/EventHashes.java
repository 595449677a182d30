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
        Canonical form = new Canonical(EVENT_TAG)
                .text(Long.toString(event.globalIndex()))
                .text(event.eventIdentifier())
                .text(event.aggregateIdentifier())
                .text(Long.toString(event.sequenceNumber()))
                .text(event.type())
                .text(event.payloadType())
                .text(event.payloadRevision())
                .text(event.timeStamp())
                .bytes(event.payload())
                .bytes(event.metaData())
                .bytes(previousHash);
        return sha256(form.toBytes());
    }

    /** The global chain after one more event: SHA-256 of tag, previous chain hash, index (8 bytes) and event hash. */
    public static byte[] chainHash(byte[] previousChainHash, long globalIndex, byte[] eventHash) {
        ByteBuffer buffer = ByteBuffer.allocate(CHAIN_TAG.length + 32 + 8 + 32);
        buffer.put(CHAIN_TAG).put(previousChainHash).putLong(globalIndex).put(eventHash);
        return sha256(buffer.array());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
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
