package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.ConcurrentWorkload;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.ReadModelsAgainstTheLog;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.support.StreamingProcessors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Transactions commit out of the order of their global indexes whenever several writers run at once.
 * Every read model must still hold each event it subscribes to exactly once, at the event's own
 * position, on one node and with two service instances on one database. Compared row by row with the
 * event log, not with counters or lag.
 */
class ReadModelsUnderConcurrentWritesEndToEndTest extends EndToEndTest {

    private static final int THREADS = 16;

    @Autowired
    private StreamingProcessors processors;

    @Autowired
    private ProjectionPositions positions;

    @Autowired
    private Environment environment;

    @Test
    void everyReadModelHoldsEveryEventAtItsOwnPositionAfterConcurrentWritesOnOneNode() throws Exception {
        long from = eventRows() + 1;
        ConcurrentWorkload workload = workload();

        long started = System.nanoTime();
        workload.run(THREADS, 5, workloadClient, thread -> new Http(port), new AtomicBoolean());

        assertThat(workload.failures()).isEmpty();
        assertEveryReadModelMatchesTheLog(from, "one node", workload, started);
    }

    @Test
    void everyReadModelHoldsEveryEventAtItsOwnPositionWithTwoNodesOnOneDatabase() throws Exception {
        long from = eventRows() + 1;
        ConcurrentWorkload workload = workload();
        try (ConfigurableApplicationContext second = secondNode()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));

            long started = System.nanoTime();
            workload.run(
                    THREADS,
                    5,
                    workloadClient,
                    thread -> new Http(thread % 2 == 0 ? port : secondPort),
                    new AtomicBoolean());

            assertThat(workload.failures()).isEmpty();
            assertEveryReadModelMatchesTheLog(from, "two nodes", workload, started);
        }
    }

    private String workloadClient;

    private ConcurrentWorkload workload() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        workloadClient = newClient(practice, writer);
        ConcurrentWorkload.prepare(this, http, practice, writer, workloadClient);
        return new ConcurrentWorkload(practice, writer);
    }

    @Test
    void theReadModelsSegmentsSpreadOverBothNodesAndReturnToOneWhenTheOtherStops() {
        int segments = 4;
        try (ConfigurableApplicationContext second = secondNode()) {
            StreamingProcessors there = second.getBean(StreamingProcessors.class);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        for (String name : processors.names()) {
                            List<Integer> here = processors.segmentsHeldHere(name);
                            List<Integer> other = there.segmentsHeldHere(name);
                            assertThat(here)
                                    .as("%s on this node (the other holds %s)", name, other)
                                    .hasSize(segments / 2);
                            assertThat(other).as("%s on the second node", name).hasSize(segments / 2);
                            assertThat(here).doesNotContainAnyElementsOf(other);
                        }
                    });
        }
        // the second node said it left: this node's share is every segment again, and it claims them
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String name : processors.names()) {
                        assertThat(processors.segmentsHeldHere(name)).as(name).hasSize(segments);
                    }
                });
    }

    private void assertEveryReadModelMatchesTheLog(long from, String nodes, ConcurrentWorkload workload, long started) {
        long written = System.nanoTime();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (String processor : processors.names()) {
            assertThat(positions.awaitPosition(processor, head, Duration.ofSeconds(60)))
                    .as("%s reaches %d", processor, head)
                    .isTrue();
        }
        long converged = System.nanoTime();
        List<ReadModelsAgainstTheLog.Difference> differences = new ReadModelsAgainstTheLog(jdbc).differences(from);
        // the figures docs/reliability.md quotes
        LoggerFactory.getLogger(ReadModelsUnderConcurrentWritesEndToEndTest.class)
                .info(
                        "Concurrent writes, {}: {} threads, {} requests accepted, answers {}, written in {} ms, read"
                                + " models at the head {} ms later; {}",
                        nodes,
                        THREADS,
                        workload.accepted(),
                        workload.statuses(),
                        (written - started) / 1_000_000,
                        (converged - written) / 1_000_000,
                        differences);
        assertThat(differences)
                .allSatisfy(difference ->
                        assertThat(difference.none()).as(difference.toString()).isTrue());
        assertThat(differences.get(0).expected()).as("events written").isGreaterThan(500);
    }

    /** A second service instance on this test's database, sharing its data directory (keys). */
    private ConfigurableApplicationContext secondNode() {
        // arguments, not builder properties: those are defaults, which application.properties overrides
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + properties.dataDir(),
                        "--ledger.snapshot-threshold=10",
                        "--ledger.integrity.sealing=false",
                        "--ledger.integrity.gap-window=0s",
                        "--ledger.rate-limit.enabled=false");
    }
}
