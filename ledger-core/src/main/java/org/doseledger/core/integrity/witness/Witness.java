package org.doseledger.core.integrity.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.Cosignature;
import org.doseledger.core.integrity.tlog.MalformedAddCheckpointRequestException;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.NoteVerificationException;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;

/**
 * The decisions of a c2sp.org/tlog-witness witness, without HTTP: it cosigns a log's checkpoint only if
 * the log's key signed it and it extends, by a verified consistency proof, the latest checkpoint this
 * witness cosigned for that log. So a log that truncates or rewrites its history after a checkpoint was
 * witnessed can no longer get a cosignature from this witness, and anyone who checks cosignatures sees it.
 *
 * <p>The checks run in the order of the specification: a malformed body is 400, an unknown origin 404, a
 * checkpoint without a valid signature of the log's key 403, an old size above the checkpoint's size 400,
 * an old size other than the size cosigned last 409 (with that size, {@code text/x.tlog.size}), the same
 * size with another root 409 (plain text, since the sizes agree), a consistency proof that does not verify
 * 422. Only then is the checkpoint stored durably, and only after that cosigned (200). Requests for the
 * same origin are handled one at a time, so two of them cannot both pass the size check and the later
 * store roll the earlier one back.
 *
 * <p>A log-signed checkpoint of the size held with another root is kept in the state's evidence directory:
 * with the stored one, both signed by the log, it proves that the log showed two histories. A proof that
 * does not verify proves nothing by itself (anyone can attach a wrong proof to a genuine checkpoint), so
 * such requests are only logged.
 */
public final class Witness {

    private final NoteSigner key;
    private final Map<String, VerifierKey> logs;
    private final Map<String, Object> originLocks;
    private final WitnessState state;
    private final Clock clock;
    private final System.Logger log;

    /**
     * @param key the witness's cosigning key (type 0x04, cosignature/v1)
     * @param logs the logs it witnesses: origin to the log's Ed25519 note key
     * @param state where it keeps the latest checkpoint of each log
     * @param clock the time of its cosignatures
     * @param log where it writes one line per checkpoint accepted or refused
     */
    public Witness(NoteSigner key, Map<String, VerifierKey> logs, WitnessState state, Clock clock, System.Logger log) {
        this.key = Objects.requireNonNull(key, "witness key");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException(
                    "a witness cosigns with a cosignature/v1 key (type 0x04); " + key + " is " + key.type());
        }
        logs.forEach((origin, logKey) -> {
            if (logKey.type() != SignatureType.ED25519) {
                throw new IllegalArgumentException(
                        "the key of log " + origin + " must be an Ed25519 note key (type 0x01): " + logKey);
            }
        });
        this.logs = Map.copyOf(logs);
        this.originLocks = this.logs.keySet().stream().collect(Collectors.toUnmodifiableMap(o -> o, o -> new Object()));
    }

    /** The witness with the platform logger of this class. */
    public Witness(NoteSigner key, Map<String, VerifierKey> logs, WitnessState state, Clock clock) {
        this(key, logs, state, clock, System.getLogger(Witness.class.getName()));
    }

    /** The public key that verifies this witness's cosignatures: what a log is configured with. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    /** The origins of the logs it witnesses. */
    public List<String> origins() {
        return logs.keySet().stream().sorted().toList();
    }

    /**
     * Answers an add-checkpoint request body (see the class comment).
     *
     * @throws UncheckedIOException if the checkpoint could not be stored; nothing was cosigned
     */
    public WitnessAnswer addCheckpoint(byte[] body) {
        WitnessAnswer answer = decide(Objects.requireNonNull(body, "body"));
        // a stale old size is the protocol's way of telling a log where to resume; the other refusals need a look
        boolean routine = answer.accepted() || AddCheckpointRequest.CONFLICT_CONTENT_TYPE.equals(answer.contentType());
        log.log(routine ? Level.INFO : Level.WARNING, answer.logLine());
        return answer;
    }

    private WitnessAnswer decide(byte[] body) {
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(body);
        } catch (MalformedAddCheckpointRequestException e) {
            return refuse(400, "malformed request", e.getMessage());
        }
        Checkpoint checkpoint = request.checkpointBody();
        String origin = checkpoint.origin();
        String sizes = "origin=" + origin + " old=" + request.oldSize() + " new=" + checkpoint.size();
        VerifierKey logKey = logs.get(origin);
        if (logKey == null) {
            return refuse(404, sizes, "unknown log " + origin);
        }
        try {
            request.checkpoint().verify(List.of(logKey));
        } catch (NoteVerificationException e) {
            return refuse(403, sizes, e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return refuse(
                    400,
                    sizes,
                    "old size " + request.oldSize() + " is larger than the checkpoint's size " + checkpoint.size());
        }
        synchronized (originLocks.get(origin)) {
            return decideAgainstState(request, checkpoint, sizes);
        }
    }

    private WitnessAnswer decideAgainstState(AddCheckpointRequest request, Checkpoint checkpoint, String sizes) {
        Checkpoint latest = state.latest(checkpoint.origin()).orElse(null);
        long held = latest == null ? 0 : latest.size();
        String context = sizes + " held=" + held;
        if (request.oldSize() != held) {
            return new WitnessAnswer(
                    409,
                    AddCheckpointRequest.CONFLICT_CONTENT_TYPE,
                    AddCheckpointRequest.conflictBody(held),
                    "checkpoint refused 409: " + context + ": the old size is not the size cosigned last");
        }
        if (latest != null && checkpoint.size() == held && !Arrays.equals(checkpoint.rootHash(), latest.rootHash())) {
            String reason = "the log signed another root for size " + held + " than the checkpoint cosigned before";
            WitnessAnswer refused = refuse(409, context, reason);
            return new WitnessAnswer(
                    409,
                    refused.contentType(),
                    refused.body(),
                    refused.logLine() + "; the log forked" + keptAsEvidence(request));
        }
        byte[] oldRoot = latest == null ? MerkleTree.emptyRoot() : latest.rootHash();
        if (!MerkleTree.verifyConsistency(
                held, checkpoint.size(), oldRoot, checkpoint.rootHash(), request.consistencyProof())) {
            return refuse(
                    422,
                    context,
                    "the consistency proof from size " + held + " to " + checkpoint.size() + " ("
                            + request.consistencyProof().size()
                            + " hashes) does not verify against the checkpoint cosigned last");
        }
        try {
            state.store(request.checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not store the checkpoint of " + checkpoint.origin() + " at size " + checkpoint.size(), e);
        }
        Cosignature cosignature =
                Cosignature.sign(checkpoint, key, clock.instant().getEpochSecond());
        return new WitnessAnswer(
                200,
                WitnessAnswer.TEXT,
                cosignature.toNoteSignature().line(),
                "checkpoint cosigned: " + context + " at " + cosignature.timestamp());
    }

    private static WitnessAnswer refuse(int status, String context, String reason) {
        return WitnessAnswer.refused(status, reason, "checkpoint refused " + status + ": " + context + ": " + reason);
    }

    private String keptAsEvidence(AddCheckpointRequest request) {
        try {
            Path file = state.keepEvidence(request.checkpoint());
            return "; kept as evidence in " + file;
        } catch (IOException e) {
            return "; could not keep it as evidence: " + e.getMessage();
        }
    }
}
