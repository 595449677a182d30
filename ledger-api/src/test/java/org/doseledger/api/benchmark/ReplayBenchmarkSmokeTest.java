package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay benchmark runs and reports on a tiny ledger; its numbers mean nothing here. */
class ReplayBenchmarkSmokeTest {

    @Test
    void theBenchmarkReplaysATinyLedgerAndReports(@TempDir Path workDir) throws Exception {
        ReplayBenchmark.Result result = ReplayBenchmark.run(
                TestPostgres.newDatabase(), new ReplayBenchmark.Settings(2_000, 4, 7, true), workDir);

        assertThat(result.events()).isGreaterThanOrEqualTo(2_000);
        assertThat(result.deadLetters()).isZero();
        assertThat(result.passes()).allSatisfy(pass -> assertThat(pass.events()).isEqualTo(result.events()));
        assertThat(result.text()).contains("**Baseline**", "all together", "replay alone (admin API): `audit-trail`");
    }
}
