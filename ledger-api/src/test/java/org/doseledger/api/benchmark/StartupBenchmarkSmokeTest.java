package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up benchmark runs and reports on a tiny ledger; its numbers mean nothing here. It starts
 * the service in this JVM, as the packaged jar is not built before the tests.
 */
class StartupBenchmarkSmokeTest {

    @Test
    void theBenchmarkStartsTheServiceOnBothDataDirectoriesAndReports(@TempDir Path output) throws Exception {
        StartupBenchmark.Result result = StartupBenchmark.run(StartupBenchmark.Launch.IN_PROCESS, null, 200, 1, output);

        assertThat(result.emptyMedian()).isPositive();
        assertThat(result.fullMedian()).isPositive();
        assertThat(result.jvmMedian()).isPositive();
        assertThat(result.postgresMedian()).isPositive();
        assertThat(output.resolve("startup-data-200").resolve("benchmark-events"))
                .hasContent("200");
        assertThat(result.text())
                .contains("| empty data directory |", "data directory with 200 events", "java -version");
    }
}
