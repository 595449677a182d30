package org.doseledger.core.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.VerifierKey;

/**
 * What a verification checks the ledger's Merkle tree against: the signed tree checkpoints the ledger
 * holds, the log keys the reader trusts (never taken from the ledger), a checkpoint the reader already
 * held from earlier (the sealer's own record, one a regulator received, a witness's), and how old an
 * unsealed event may be at the time of verifying.
 *
 * @param checkpoints the signed tree checkpoints as stored (C2SP signed notes), in any order
 * @param held a checkpoint the reader holds from elsewhere: the ledger must extend it (same root over its
 *     size); a shorter tree or another root is a truncation or a rewritten history
 * @param now the time of verifying, against which the age of unsealed events is judged
 */
public record TreeEvidence(
        List<String> checkpoints,
        List<VerifierKey> logKeys,
        Optional<Checkpoint> held,
        Instant now,
        Duration maxUnsealedAge) {

    public TreeEvidence {
        checkpoints = List.copyOf(checkpoints);
        logKeys = List.copyOf(logKeys);
    }

    /** No tree checked: what verifying a ledger sealed before the tree existed looks like. */
    public static TreeEvidence none(Instant now) {
        return new TreeEvidence(List.of(), List.of(), Optional.empty(), now, Duration.ofDays(365_000));
    }
}
