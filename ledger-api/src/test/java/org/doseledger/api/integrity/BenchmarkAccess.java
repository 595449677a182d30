package org.doseledger.api.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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

    private BenchmarkAccess(JdbcTemplate jdbc, SigningKeys keys, CheckpointSealer sealer) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.sealer = sealer;
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
                        meters));
    }

    public void seal() {
        sealer.seal();
    }

    /** The service's verification path: keyset pages of events and chain, then {@link LedgerVerifier}. */
    public VerificationReport verify() {
        return LedgerVerification.verify(jdbc, keys);
    }
}
