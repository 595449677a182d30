package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-stream benchmark runs and reports on a short stream; its numbers mean nothing here. */
class StreamBenchmarkSmokeTest {

    @Test
    void theBenchmarkRecordsTheSameCommandOnBothLotsAndReports(@TempDir Path workDir) throws Exception {
        StreamBenchmark.Result result = StreamBenchmark.run(TestPostgres.newDatabase(), 300, 20, workDir);

        assertThat(result.priorEvents()).isEqualTo(300);
        assertThat(result.longLot().count())
                .isEqualTo(result.freshLot().count())
                .isPositive();
        assertThat(result.ratioP50()).isPositive();
        assertThat(result.text()).contains("| long lot (300 prior events) |", "fresh lot", "Long / fresh");
    }
}
