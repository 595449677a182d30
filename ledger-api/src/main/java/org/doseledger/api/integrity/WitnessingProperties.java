package org.doseledger.api.integrity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The witnesses that cosign the ledger's tree checkpoints ({@code ledger.integrity.witnessing.*}):
 * processes outside the database, run by a regulator or the practice's auditor, that each keep the latest
 * checkpoint they cosigned and cosign only a consistent extension of it (c2sp.org/tlog-witness).
 *
 * @param witnesses each witness's address (the URL its {@code /add-checkpoint} is under) and verifier key
 * @param quorum how many witnesses must cosign a checkpoint; 0 means all of them
 * @param timeout how long to wait for one witness's answer
 */
@ConfigurationProperties("ledger.integrity.witnessing")
public record WitnessingProperties(
        @DefaultValue List<Witness> witnesses,
        @DefaultValue("0") int quorum,
        @DefaultValue("5s") Duration timeout) {

    public WitnessingProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("ledger.integrity.witnessing.quorum must be between 0 (all) and the "
                    + witnesses.size() + " witnesses configured, not " + quorum);
        }
    }

    /**
     * @param url the witness's base URL (its submission prefix), e.g. {@code https://witness.example}; requests
     *     go to {@code <url>/add-checkpoint}
     * @param key the witness's verifier key ({@code <name>+<key id>+<base64>}), as it printed it
     */
    public record Witness(URI url, String key) {}

    /** How many cosignatures a checkpoint needs. */
    public int required() {
        return quorum == 0 ? witnesses.size() : quorum;
    }
}
