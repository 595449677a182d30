package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.MerkleTree;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.junit.jupiter.api.Test;

/**
 * What a regulator does with the tree, with nothing of ours but the HTTP API: fetch the latest signed
 * checkpoint, verify it with the published note key, ask that an event is in it (inclusion proof), and
 * that a later checkpoint extends an earlier one (consistency proof), each checked with RFC 9162's
 * algorithms.
 */
class TreeCheckpointEndToEndTest extends EndToEndTest {

    @Test
    void aCheckpointVerifiesWithThePublishedKeyAndProvesInclusionAndConsistency() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        long received = StockFixture.created(stock.receive("safe-1", "TC1", 1, "2030-01-31"))
                .get("ledgerPosition")
                .asLong();
        Checkpoint first = sealPast(received, officer);
        long drawn = StockFixture.created(stock.draw("safe-1", "TC1", "1", "rn-1"))
                .get("ledgerPosition")
                .asLong();
        Checkpoint second = sealPast(drawn, officer);

        JsonNode inclusion = http.get(
                        "/api/ledger/tree/proofs/inclusion?position=" + received + "&treeSize=" + second.size())
                .key(officer)
                .send()
                .json();
        assertThat(MerkleTree.verifyInclusion(
                        HexFormat.of().parseHex(inclusion.get("leafHash").asText()),
                        inclusion.get("leafIndex").asLong(),
                        second.size(),
                        hashes(inclusion.get("proof")),
                        second.rootHash()))
                .isTrue();
        JsonNode consistency = http.get(
                        "/api/ledger/tree/proofs/consistency?from=" + first.size() + "&to=" + second.size())
                .key(officer)
                .send()
                .json();
        assertThat(MerkleTree.verifyConsistency(
                        first.size(),
                        second.size(),
                        first.rootHash(),
                        second.rootHash(),
                        hashes(consistency.get("proof"))))
                .isTrue();
        assertProblem(
                http.get("/api/ledger/tree/proofs/inclusion?position=" + received + "&treeSize="
                                + (second.size() + 1000))
                        .key(officer)
                        .send(),
                400,
                "VALIDATION_FAILED");
    }

    /** Seals until a tree checkpoint covers the position; returns it, verified with the published note key. */
    private Checkpoint sealPast(long position, String officer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(global_index) from ledger_chain", Long.class);
            return sealed != null && sealed >= position;
        });
        Http.Response note =
                http.get("/api/ledger/tree/checkpoint").key(officer).send();
        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("text/plain");
        List<VerifierKey> keys = new ArrayList<>();
        http.get("/api/ledger/public-keys")
                .key(officer)
                .send()
                .json()
                .forEach(key ->
                        keys.add(VerifierKey.parse(key.get("noteVerifierKey").asText())));
        SignedNote signed = SignedNote.parse(note.text());
        signed.verify(keys);
        return Checkpoint.fromNote(signed);
    }

    private static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> hashes = new ArrayList<>();
        hex.forEach(node -> hashes.add(HexFormat.of().parseHex(node.asText())));
        return hashes;
    }
}
