package org.doseledger.core.integrity;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.doseledger.core.integrity.tlog.CompactRange;
import org.doseledger.core.integrity.tlog.SignedNote;

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
        return verify(events, chain, checkpoints, TreeEvidence.none(java.time.Instant.now()));
    }

    /**
     * Verifies the events, the sealed chain and its checkpoints, and the Merkle tree of the sealed events
     * against its signed tree checkpoints and a checkpoint the reader already held.
     */
    public VerificationReport verify(
            Iterator<StoredEvent> events, Iterator<ChainEntry> chain, List<Checkpoint> checkpoints, TreeEvidence tree) {
        return new Run(chain, checkpoints, new TreeCheck(tree)).run(events);
    }

    /**
     * The Merkle tree of the sealed events, rebuilt leaf by leaf as the sealed events pass (the leaf of a
     * sealed position whose event is gone is taken from the chain, so that its deletion is reported once,
     * as EVENT_DELETED), and compared with every signed tree checkpoint and the held checkpoint when it
     * reaches their size.
     */
    private static final class TreeCheck {

        private final TreeEvidence evidence;
        private final List<org.doseledger.core.integrity.tlog.Checkpoint> checkpoints = new ArrayList<>();
        private final CompactRange tree = new CompactRange();
        private int next;
        private long lastPosition;
        private VerificationReport.Failure failure;
        private VerificationReport.Failure held;

        TreeCheck(TreeEvidence evidence) {
            this.evidence = evidence;
            for (String text : evidence.checkpoints()) {
                SignedNote note;
                org.doseledger.core.integrity.tlog.Checkpoint checkpoint;
                try {
                    note = SignedNote.parse(text);
                    checkpoint = org.doseledger.core.integrity.tlog.Checkpoint.fromNote(note);
                } catch (RuntimeException e) {
                    fail("TREE_CHECKPOINT_MALFORMED", null, "a tree checkpoint cannot be read: " + e.getMessage());
                    continue;
                }
                try {
                    note.verify(evidence.logKeys());
                } catch (RuntimeException untrusted) {
                    fail(
                            "TREE_CHECKPOINT_UNTRUSTED",
                            null,
                            "the tree checkpoint of " + checkpoint.size() + " leaves is not signed by a trusted"
                                    + " log key: " + untrusted.getMessage());
                }
                checkpoints.add(checkpoint);
            }
            checkpoints.sort(java.util.Comparator.comparingLong(org.doseledger.core.integrity.tlog.Checkpoint::size));
            compareAtCurrentSize();
        }

        boolean any() {
            return !checkpoints.isEmpty();
        }

        void leaf(long globalIndex, byte[] eventHash) {
            tree.append(org.doseledger.core.integrity.tlog.LedgerLeaf.hash(globalIndex, eventHash));
            lastPosition = globalIndex;
            compareAtCurrentSize();
        }

        private void compareAtCurrentSize() {
            while (next < checkpoints.size() && checkpoints.get(next).size() == tree.size()) {
                org.doseledger.core.integrity.tlog.Checkpoint checkpoint = checkpoints.get(next++);
                if (!Arrays.equals(tree.root(), checkpoint.rootHash())) {
                    fail(
                            "TREE_MISMATCH",
                            tree.size() == 0 ? null : lastPosition,
                            "the sealed events up to position " + lastPosition + " (" + tree.size()
                                    + " leaves) do not have the root the tree checkpoint of that size signed: a sealed"
                                    + " event at or before it was replaced, moved or removed");
                }
            }
            evidence.held().ifPresent(checkpoint -> {
                if (checkpoint.size() == tree.size()
                        && held == null
                        && !Arrays.equals(tree.root(), checkpoint.rootHash())) {
                    held = new VerificationReport.Failure(
                            "HISTORY_REWRITTEN",
                            tree.size() == 0 ? null : lastPosition,
                            null,
                            "the ledger's first " + checkpoint.size() + " sealed events (up to position " + lastPosition
                                    + ") do not have the root of the checkpoint held from earlier: the history it"
                                    + " covered was rewritten");
                }
            });
        }

        /** What the tree shows once every event has passed. */
        VerificationReport.Failure finish() {
            if (next < checkpoints.size()) {
                org.doseledger.core.integrity.tlog.Checkpoint beyond = checkpoints.get(next);
                fail(
                        "TREE_TRUNCATED",
                        null,
                        "a tree checkpoint covers " + beyond.size() + " leaves but the ledger has only " + tree.size()
                                + " sealed events: sealed events after position " + lastPosition + " were removed");
            }
            evidence.held().ifPresent(checkpoint -> {
                if (checkpoint.size() > tree.size() && held == null) {
                    held = new VerificationReport.Failure(
                            "TRUNCATED_BELOW_HELD_CHECKPOINT",
                            null,
                            null,
                            "the checkpoint held from earlier covers " + checkpoint.size() + " sealed events; the"
                                    + " ledger has " + tree.size() + ": sealed events after position " + lastPosition
                                    + " were removed");
                }
            });
            return held != null ? held : failure;
        }

        private void fail(String code, Long position, String detail) {
            if (failure == null) {
                failure = new VerificationReport.Failure(code, position, null, detail);
            }
        }
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

        private final TreeCheck tree;
        private StoredEvent firstUnsealed;

        Run(Iterator<ChainEntry> chain, List<Checkpoint> checkpoints, TreeCheck tree) {
            this.chain = chain;
            this.checkpoints = checkpoints;
            this.tree = tree;
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
                tree.leaf(nextLink.globalIndex(), nextLink.eventHash());
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
            VerificationReport.Failure treeFailure = tree.finish();
            if (treeFailure != null) {
                completeness = completeness == null ? treeFailure : completeness;
            }
            if (events > 0 && checkpoints.isEmpty() && !tree.any()) {
                // nothing signed covers anything: no failure found above can be trusted to mean more
                completeness = new VerificationReport.Failure(
                        "NOTHING_SEALED",
                        null,
                        null,
                        "the ledger holds " + events + " events and no signed checkpoint covers any of them");
            }
            if (firstUnsealed != null) {
                unsealedTooLong(firstUnsealed);
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
                tree.leaf(nextLink.globalIndex(), nextLink.eventHash());
                nextLink = chain.hasNext() ? chain.next() : null;
            }
            if (open == null || event.globalIndex() < open.fromIndex()) {
                if (open == null) {
                    unsealed++;
                    if (firstUnsealed == null) {
                        firstUnsealed = event;
                    }
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
                tree.leaf(event.globalIndex(), event.eventHash());
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

        /** Events after the last checkpoint may wait for the next seal, but not longer than the bound. */
        private void unsealedTooLong(StoredEvent first) {
            java.time.Instant recorded;
            try {
                recorded = java.time.Instant.parse(first.timeStamp());
            } catch (RuntimeException e) {
                return;
            }
            java.time.Duration age = java.time.Duration.between(recorded, tree.evidence.now());
            if (age.compareTo(tree.evidence.maxUnsealedAge()) > 0) {
                completeness(
                        "UNSEALED_TOO_LONG",
                        first.globalIndex(),
                        null,
                        "the event at position " + first.globalIndex() + " was recorded " + age.toSeconds()
                                + " s before this verification and no signed checkpoint covers it yet; the bound is "
                                + tree.evidence.maxUnsealedAge().toSeconds() + " s");
            }
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
