package org.doseledger.api.benchmark.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks run through JMH's runner on a ledger of a few hundred events, in this JVM and with
 * one short iteration each; their numbers mean nothing here.
 */
class JmhBenchmarkSmokeTest {

    @Test
    void everyBenchmarkAndItsBaselineProducesAResult() throws Exception {
        // JMH's lock against two runs on one machine; the people sharing it may be running theirs
        System.setProperty("jmh.ignoreLock", "true");

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(JmhBenchmarks.class.getPackageName() + ".")
                        .forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(500))
                        .param("events", "200")
                        .param("prior", "200")
                        .build())
                .run();

        assertThat(results)
                .extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.jmh\\.", ""))
                .containsExactlyInAnyOrder(
                        "ChainVerificationBenchmark.plainJdbcRead",
                        "ChainVerificationBenchmark.sha256InMemory",
                        "ChainVerificationBenchmark.verify",
                        "LongStreamBenchmark.freshLot",
                        "LongStreamBenchmark.longLot");
        assertThat(results)
                .allSatisfy(
                        r -> assertThat(r.getPrimaryResult().getSampleCount()).isPositive());
        assertThat(JmhBenchmarks.report(results))
                .contains("| verification: every hash, link, chain and checkpoint |")
                .contains("Verification / plain JDBC read: ")
                .contains("| long lot |", "| **baseline**: fresh lot |")
                .contains("Long / fresh: p50 ");
    }
}
