package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The export-evidence benchmark runs and reports on a tiny practice; its numbers mean nothing here. */
class EvidenceBenchmarkSmokeTest {

    @Test
    void theBenchmarkProducesItsReport() throws Exception {
        String report = EvidenceBenchmark.run(2000, 20, Files.createTempDirectory("evidence-benchmark"));

        assertThat(report)
                .contains("evidence: every event of the practice with its inclusion proof")
                .contains("evidence / plain read")
                .contains("the two files deflated");
    }
}
