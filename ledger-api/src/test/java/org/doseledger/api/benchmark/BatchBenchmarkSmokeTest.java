package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch benchmark runs and reports on a few writes; its numbers mean nothing here. */
class BatchBenchmarkSmokeTest {

    @Test
    void theBenchmarkWritesTheSameEventsEachWayAndReports(@TempDir Path workDir) throws Exception {
        BatchBenchmark.Result result = BatchBenchmark.run(TestPostgres.newDatabase(), 20, List.of(10), workDir);

        assertThat(result.modes())
                .extracting(BatchBenchmark.Mode::name)
                .containsExactly("single requests", "batches of 10");
        // a registration appends the same events however it is sent
        long events = result.modes().get(0).events();
        assertThat(events).isGreaterThanOrEqualTo(20);
        assertThat(result.modes()).allSatisfy(mode -> assertThat(mode.events()).isEqualTo(events));
        assertThat(result.text()).contains("| single requests | 20 |", "| batches of 10 | 20 |", "× single");
    }
}
