package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The tamper-evidence benchmark runs and reports on a tiny ledger; its numbers mean nothing here. */
class IntegrityBenchmarkSmokeTest {

    @Test
    void theBenchmarkProducesItsReport() throws Exception {
        String report = IntegrityBenchmark.run(true, 3000, 20, 20, Files.createTempDirectory("integrity-benchmark"));

        assertThat(report)
                .contains("verification: every hash, link, chain and checkpoint")
                .contains("verification / plain read")
                .contains("hashing adds to the append's median")
                .contains("hashing adds to the write path's median");
    }
}
