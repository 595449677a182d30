package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest benchmark runs and reports on a few writes; its numbers mean nothing here. */
class IngestBenchmarkSmokeTest {

    @Test
    void theBenchmarkWritesOverRestAndJdbcAtEachConcurrencyAndReports(@TempDir Path workDir) throws Exception {
        IngestBenchmark.Result result = IngestBenchmark.run(
                TestPostgres.newDatabase(), new IngestBenchmark.Settings(List.of(1, 2), 10, 5, 5), workDir);

        assertThat(result.rowBytes()).isPositive();
        assertThat(result.runs()).extracting(IngestBenchmark.Run::clients).containsExactly(1, 1, 1, 2, 2, 2, 2);
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.events()).isEqualTo(run.clients() * 10L);
            // a batch of 5 is one request
            assertThat(run.latency().count())
                    .isEqualTo(run.clients() * (run.what().contains("batches") ? 2 : 10));
        });
        assertThat(result.text())
                .contains("| REST | 2 | 20 |", "| REST, batches of 5 | 2 | 20 |", "REST / JDBC", "half of the peak");
    }
}
