package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The replay benchmark runs and reports on a tiny ledger; its numbers mean nothing here. */
class ReplayBenchmarkSmokeTest {

    @Test
    void theBenchmarkReplaysATinyLedgerAndReports(@TempDir Path workDir) throws Exception {
        String database = TestPostgres.newDatabase();
        ReplayBenchmark.Result result =
                ReplayBenchmark.run(database, new ReplayBenchmark.Settings(2_000, 4, 7, true), workDir);

        assertThat(result.events()).isGreaterThanOrEqualTo(2_000);
        assertThat(result.deadLetters()).isZero();
        assertThat(result.passes()).allSatisfy(pass -> assertThat(pass.events()).isEqualTo(result.events()));
        assertThat(result.text())
                .contains("**Baseline**", "all together", "replay alone (admin API): `audit-trail`", "Write floor");
        // the write floor copies every table of the streaming read models
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database);
        source.setUser("postgres");
        assertThat(new JdbcTemplate(source)
                        .queryForList(
                                "select table_name from information_schema.tables where table_schema = 'public'"
                                        + " and table_name ~ '^(access_log|audit_trail|client_timeline|compliance_"
                                        + "|dosing_report_|stock_)'",
                                String.class))
                .containsExactlyInAnyOrderElementsOf(ReplayBenchmark.READ_MODEL_TABLES);
    }
}
