package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.LedgerVerifier;
import org.doseledger.core.integrity.VerificationReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sealer and the verifier of a database, for the benchmark, without starting the service. */
public final class BenchmarkAccess {

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    private final CheckpointSealer sealer;
    private final LedgerEvidence evidence;

    private BenchmarkAccess(
            JdbcTemplate jdbc, SigningKeys keys, CheckpointSealer sealer, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.sealer = sealer;
        this.evidence = new LedgerEvidence(jdbc, keys, properties);
    }

    public static BenchmarkAccess of(
            JdbcTemplate jdbc,
            DataSource database,
            IntegrityProperties properties,
            LedgerProperties ledger,
            Clock clock,
            MeterRegistry meters) {
        SigningKeys keys = new SigningKeys(properties, ledger);
        return new BenchmarkAccess(
                jdbc,
                keys,
                new CheckpointSealer(
                        jdbc,
                        new TransactionTemplate(new DataSourceTransactionManager(database)),
                        keys,
                        properties,
                        clock,
                        meters),
                properties);
    }

    public void seal() {
        sealer.seal();
    }

    /**
     * An export's evidence for a practice, as the bundle writer asks for it: every event of the practice up
     * to {@code upTo} and each one's inclusion proof in the signed tree covering it.
     *
     * @return the number of events written
     */
    public long writeEvidence(String practiceId, long upTo, OutputStream events, OutputStream proofs)
            throws IOException {
        long treeSize = evidence.covering(upTo).size();
        return evidence.write(List.of(), false, practiceId, upTo, treeSize, events, proofs);
    }

    /** The service's verification path: keyset pages of events and chain, then {@link LedgerVerifier}. */
    public VerificationReport verify() {
        return LedgerVerification.verify(jdbc, keys);
    }
}
