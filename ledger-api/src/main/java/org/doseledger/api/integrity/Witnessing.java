package org.doseledger.api.integrity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.witness.WitnessClient;
import org.doseledger.api.witness.WitnessReply;
import org.doseledger.core.integrity.tlog.AddCheckpointRequest;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.NoteSignature;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks every configured witness to cosign a new tree checkpoint, with a consistency proof from the last
 * checkpoint that witness cosigned (or from the size the witness says it holds, when it answers that the
 * size sent is stale), and keeps the cosignatures it gets in {@code ledger_tree_cosignature}. A witness
 * that refuses (the tree does not extend what it cosigned) or cannot be reached is logged; whether enough
 * witnesses cosigned is watched by {@link SealingMonitor}.
 */
@Component
public class Witnessing {

    private static final Logger log = LoggerFactory.getLogger(Witnessing.class);

    private final JdbcTemplate jdbc;
    private final WitnessingProperties properties;
    private final Clock clock;
    private final WitnessClient client = new WitnessClient();

    Witnessing(JdbcTemplate jdbc, WitnessingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean configured() {
        return !properties.witnesses().isEmpty();
    }

    int required() {
        return properties.required();
    }

    /** Asks each witness to cosign the checkpoint of {@code treeSize} leaves; returns how many did. */
    int cosign(SignedNote checkpoint, long treeSize) {
        int cosigned = 0;
        for (WitnessingProperties.Witness witness : properties.witnesses()) {
            VerifierKey key = VerifierKey.parse(witness.key());
            long oldSize = lastCosigned(witness.key());
            WitnessReply reply = ask(witness, key, checkpoint, oldSize, treeSize);
            if (reply instanceof WitnessReply.SizeConflict conflict && conflict.witnessSize() <= treeSize) {
                reply = ask(witness, key, checkpoint, conflict.witnessSize(), treeSize);
            }
            if (reply instanceof WitnessReply.Cosigned cosignatures) {
                for (NoteSignature line : cosignatures.noteSignatures()) {
                    jdbc.update("""
                            insert into ledger_tree_cosignature (tree_size, witness, signature_line, cosigned_at)
                            values (?, ?, ?, ?) on conflict do nothing
                            """, treeSize, witness.key(), line.line(), Timestamp.from(clock.instant()));
                }
                cosigned++;
            } else {
                log.error(
                        "Witness {} did not cosign the tree checkpoint of {} leaves: {}",
                        witness.url(),
                        treeSize,
                        reply);
            }
        }
        return cosigned;
    }

    private WitnessReply ask(
            WitnessingProperties.Witness witness, VerifierKey key, SignedNote checkpoint, long oldSize, long treeSize) {
        if (oldSize > treeSize) {
            return new WitnessReply.Refused(
                    409,
                    "the witness holds " + oldSize + " leaves, more than the " + treeSize
                            + " of this checkpoint: the ledger's tree was cut short");
        }
        LedgerTree tree = new LedgerTree(jdbc, treeSize);
        List<byte[]> proof = oldSize == 0 ? List.of() : MerkleTree.consistencyProof(tree, oldSize, treeSize);
        return client.addCheckpoint(
                witness.url(), key, new AddCheckpointRequest(oldSize, proof, checkpoint), properties.timeout());
    }

    private long lastCosigned(String witness) {
        Long size = jdbc.queryForObject(
                "select max(tree_size) from ledger_tree_cosignature where witness = ?", Long.class, witness);
        return size == null ? 0 : size;
    }

    /** The checkpoint's note with every cosignature stored for it: what the API serves and bundles carry. */
    static String withCosignatures(JdbcTemplate jdbc, long treeSize, String note) {
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : jdbc.queryForList(
                "select signature_line from ledger_tree_cosignature where tree_size = ? order by witness",
                String.class,
                treeSize)) {
            lines.add(NoteSignature.parseLine(line.strip()));
        }
        return lines.isEmpty()
                ? note
                : SignedNote.parse(note).withSignatures(lines).format();
    }

    /** The largest tree size that enough witnesses cosigned; 0 when none, or when no witness is configured. */
    long witnessedSize() {
        if (!configured()) {
            return 0;
        }
        Long size = jdbc.queryForObject("""
                select max(tree_size) from (
                    select tree_size from ledger_tree_cosignature group by tree_size having count(*) >= ?) w
                """, Long.class, required());
        return size == null ? 0 : size;
    }
}
