package org.doseledger.core.integrity;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every hash of a ledger, or of an export of it, and checks it against the signed
 * checkpoints, in one pass over the events in global-index order. Needs no database and no network:
 * the events, the stored chain, the checkpoints and the public keys the reader trusts are all it reads.
 * The procedure is docs/tamper-evidence.md, "Verification".
 */
public final class LedgerVerifier {

    private final Map<String, PublicKey> trustedKeys;

    /** @param trustedKeys the public keys the reader trusts, by key id; never taken from the ledger itself */
    public LedgerVerifier(Map<String, PublicKey> trustedKeys) {
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    public VerificationReport verify(
            Iterator<StoredEvent> events, Iterator<ChainEntry> chain, List<Checkpoint> checkpoints) {
        return new Run(chain, checkpoints).run(events);
    }

    private final class Run {

        private final Iterator<ChainEntry> chain;
        private final List<Checkpoint> checkpoints;
        private final Map<String, Link> streams = new HashMap<>();
        private ChainEntry nextLink;
        private int checkpoint;
        private byte[] chainHash = EventHashes.GENESIS;
        private byte[] previousCheckpointHash = EventHashes.GENESIS;
        private long previousTo;
        private long inCheckpoint;
        private long events;
        private long unsealed;
        private long lastIndex;
        private VerificationReport.Failure integrity;
        private VerificationReport.Failure completeness;

        Run(Iterator<ChainEntry> chain, List<Checkpoint> checkpoints) {
            this.chain = chain;
            this.checkpoints = checkpoints;
            this.nextLink = chain.hasNext() ? chain.next() : null;
        }

        VerificationReport run(Iterator<StoredEvent> stored) {
            while (stored.hasNext()) {
                StoredEvent event = stored.next();
                events++;
                lastIndex = event.globalIndex();
                closeCheckpointsBefore(event.globalIndex());
                seal(event);
                checkStream(event);
            }
            while (nextLink != null) {
                completeness(
                        "EVENT_DELETED",
                        nextLink.globalIndex(),
                        nextLink.checkpointNumber(),
                        "position " + nextLink.globalIndex() + " was sealed but no event holds it");
                nextLink = chain.hasNext() ? chain.next() : null;
            }
            while (checkpoint < checkpoints.size()) {
                Checkpoint open = checkpoints.get(checkpoint);
                if (open.toIndex() > lastIndex) {
                    completeness(
                            "TAIL_TRUNCATED",
                            lastIndex + 1,
                            open.number(),
                            "checkpoint " + open.number() + " covers up to position " + open.toIndex()
                                    + " but the ledger ends at " + lastIndex);
                }
                close(open);
            }
            long lastSealed = checkpoints.isEmpty()
                    ? 0
                    : checkpoints.get(checkpoints.size() - 1).toIndex();
            return new VerificationReport(
                    integrity == null,
                    completeness == null,
                    events,
                    checkpoints.size(),
                    lastSealed,
                    unsealed,
                    integrity,
                    completeness);
        }

        /** Integrity of one event: its content against its hash, its predecessor hash against its stream. */
        private void checkStream(StoredEvent event) {
            byte[] recomputed = EventHashes.eventHash(event, event.previousHash());
            if (!Arrays.equals(recomputed, event.eventHash())) {
                integrity(
                        "EVENT_ALTERED",
                        event.globalIndex(),
                        "the event's stored columns no longer hash to its stored hash " + hex(event.eventHash()));
            }
            Link last = streams.get(event.aggregateIdentifier());
            long expected = last == null ? 0 : last.sequence() + 1;
            if (event.sequenceNumber() != expected) {
                completeness(
                        "STREAM_GAP",
                        event.globalIndex(),
                        null,
                        "stream " + event.aggregateIdentifier() + " continues with sequence " + event.sequenceNumber()
                                + " where " + expected + " was due");
            } else {
                byte[] predecessor = last == null ? EventHashes.GENESIS : last.hash();
                if (!Arrays.equals(predecessor, event.previousHash())) {
                    integrity(
                            "PREDECESSOR_MISMATCH",
                            event.globalIndex(),
                            "the event's predecessor hash is not the hash of sequence " + (expected - 1) + " of stream "
                                    + event.aggregateIdentifier());
                }
            }
            streams.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), recomputed));
        }

        /** Completeness of one event: it is the event sealed at its position, and it extends the chain. */
        private void seal(StoredEvent event) {
            Checkpoint open = checkpoint < checkpoints.size() ? checkpoints.get(checkpoint) : null;
            while (nextLink != null && nextLink.globalIndex() < event.globalIndex()) {
                completeness(
                        "EVENT_DELETED",
                        nextLink.globalIndex(),
                        nextLink.checkpointNumber(),
                        "position " + nextLink.globalIndex() + " was sealed but no event holds it");
                nextLink = chain.hasNext() ? chain.next() : null;
            }
            if (open == null || event.globalIndex() < open.fromIndex()) {
                if (open == null) {
                    unsealed++;
                } else {
                    completeness(
                            "EVENT_NOT_SEALED",
                            event.globalIndex(),
                            open.number(),
                            "position " + event.globalIndex() + " lies before checkpoint " + open.number()
                                    + " and after the one before it, outside every sealed range");
                }
                return;
            }
            chainHash = EventHashes.chainHash(chainHash, event.globalIndex(), event.eventHash());
            inCheckpoint++;
            if (nextLink == null || nextLink.globalIndex() > event.globalIndex()) {
                completeness(
                        "EVENT_NOT_SEALED",
                        event.globalIndex(),
                        open.number(),
                        "position " + event.globalIndex() + " lies in the range of checkpoint " + open.number()
                                + " but was never sealed: an event was added afterwards");
            } else {
                if (!Arrays.equals(nextLink.chainHash(), chainHash)) {
                    completeness(
                            "CHAIN_MISMATCH",
                            event.globalIndex(),
                            open.number(),
                            "the chain at position " + event.globalIndex()
                                    + " differs from the sealed chain: an event there or before it was replaced,"
                                    + " moved or removed");
                }
                nextLink = chain.hasNext() ? chain.next() : null;
            }
        }

        private void closeCheckpointsBefore(long globalIndex) {
            while (checkpoint < checkpoints.size()
                    && checkpoints.get(checkpoint).toIndex() < globalIndex) {
                close(checkpoints.get(checkpoint));
            }
        }

        /** A checkpoint whose range is behind us: its signature, its links and what it sealed. */
        private void close(Checkpoint sealed) {
            checkpoint++;
            byte[] signed = sealed.signedBytes();
            PublicKey key = trustedKeys.get(sealed.keyId());
            if (key == null) {
                completeness(
                        "CHECKPOINT_UNTRUSTED_KEY",
                        sealed.fromIndex(),
                        sealed.number(),
                        "checkpoint " + sealed.number() + " is signed by key " + sealed.keyId()
                                + ", which is not among the trusted keys");
            } else if (!verifies(key, signed, sealed.signature())) {
                completeness(
                        "CHECKPOINT_SIGNATURE_INVALID",
                        sealed.fromIndex(),
                        sealed.number(),
                        "the signature of checkpoint " + sealed.number() + " does not verify with key "
                                + sealed.keyId());
            }
            if (!Arrays.equals(EventHashes.sha256(signed), sealed.checkpointHash())) {
                completeness(
                        "CHECKPOINT_ALTERED",
                        sealed.fromIndex(),
                        sealed.number(),
                        "checkpoint " + sealed.number() + " no longer hashes to its stored hash");
            }
            if (!Arrays.equals(previousCheckpointHash, sealed.previousCheckpointHash())
                    || sealed.number() != checkpoint
                    || sealed.fromIndex() != previousTo + 1) {
                completeness(
                        "CHECKPOINT_CHAIN_BROKEN",
                        sealed.fromIndex(),
                        sealed.number(),
                        "checkpoint " + sealed.number() + " does not follow checkpoint " + (checkpoint - 1)
                                + " (its number, range start or previous-checkpoint hash)");
            }
            if (!Arrays.equals(chainHash, sealed.chainHash()) || inCheckpoint != sealed.eventCount()) {
                completeness(
                        "CHECKPOINT_MISMATCH",
                        sealed.fromIndex(),
                        sealed.number(),
                        "positions " + sealed.fromIndex() + "-" + sealed.toIndex() + " hold " + inCheckpoint
                                + " events whose chain differs from what checkpoint " + sealed.number()
                                + " sealed (" + sealed.eventCount() + " events)");
            }
            previousCheckpointHash = sealed.checkpointHash();
            previousTo = sealed.toIndex();
            chainHash = sealed.chainHash();
            inCheckpoint = 0;
        }

        private void integrity(String code, long position, String detail) {
            if (integrity == null) {
                integrity = new VerificationReport.Failure(code, position, null, detail);
            }
        }

        private void completeness(String code, Long position, Long checkpointNumber, String detail) {
            if (completeness == null) {
                completeness = new VerificationReport.Failure(code, position, checkpointNumber, detail);
            }
        }
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }

    private record Link(long sequence, byte[] hash) {}
}
