package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * A second service process on this test's database is killed with {@code kill -9} while 16 writers
 * post to both: its open transactions die with it, and this node takes over its processor segments once
 * their claims time out. Afterwards every read model holds every acknowledged event exactly once, at its
 * own position, compared row by row with the event log, and the service's own reconciliation agrees.
 */
// a second process and a kill: a database of its own, so that no other test waits on the dead node's claims
@TestPropertySource(properties = "ledger.test.isolated-context=kill")
class ReadModelsSurviveAKillEndToEndTest extends EndToEndTest {

    @Autowired
    private StreamingProcessors processors;

    @Autowired
    private ProjectionPositions positions;

    @Autowired
    private Environment environment;

    private int accepted;
    private String answers;
    private int connectionFailures;

    @Test
    void everyReadModelHoldsEveryEventOnceAfterANodeIsKilledUnderLoad() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        ConcurrentWorkload.prepare(this, http, practice, writer, client);
        long from = eventRows() + 1;
        int childPort = freePort();
        Path log = Files.createTempFile("killed-node", ".log");
        Process child = startNode(childPort, log);
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try {
            Http childHttp = new Http(childPort);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .failFast("second node exited; see " + log, () -> !child.isAlive())
                    .until(() ->
                            childHttp.get("/actuator/health/readiness").send().status() == 200);
            AtomicBoolean killed = new AtomicBoolean();
            ConcurrentWorkload workload = new ConcurrentWorkload(practice, writer);
            // killed while the writers are busy: some of its transactions are open, some acknowledged
            killer.schedule(
                    () -> {
                        killed.set(true);
                        child.destroyForcibly();
                    },
                    6,
                    TimeUnit.SECONDS);
            workload.run(16, 10, client, thread -> thread % 2 == 0 ? http : childHttp, killed);

            assertThat(killed).as("the node was killed during the workload").isTrue();
            assertThat(workload.accepted()).isGreaterThan(100);
            accepted = workload.accepted();
            answers = workload.statuses().toString();
            connectionFailures = workload.failures().size();
            // the killed node's writers lose their connections; any answer other than the expected ones is a fault
            assertThat(workload.failures())
                    .filteredOn(failure -> !failure.contains("IOException") && !failure.contains("ConnectException"))
                    .isEmpty();
        } finally {
            killer.shutdownNow();
            child.destroyForcibly().waitFor();
        }

        long stopped = System.nanoTime();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (String processor : processors.names()) {
            assertThat(positions.awaitPosition(processor, head, Duration.ofSeconds(90)))
                    .as("%s reaches %d after taking over the killed node's segments", processor, head)
                    .isTrue();
        }
        long caughtUp = System.nanoTime();
        List<ReadModelsAgainstTheLog.Difference> differences = new ReadModelsAgainstTheLog(jdbc).differences(from);
        // the figures docs/reliability.md quotes
        LoggerFactory.getLogger(ReadModelsSurviveAKillEndToEndTest.class)
                .info(
                        "Kill -9 under load: {} requests accepted, answers {}, {} requests lost with the killed node's"
                                + " connections; read models at the head {} ms after the writers stopped; {}",
                        accepted,
                        answers,
                        connectionFailures,
                        (caughtUp - stopped) / 1_000_000,
                        differences);
        assertThat(differences)
                .allSatisfy(difference ->
                        assertThat(difference.none()).as(difference.toString()).isTrue());
        JsonNode reconciled = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> adminAction("/api/admin/processors/reconciliation").json(), results -> {
                    for (JsonNode result : results) {
                        if (result.get("reconciledUpTo").asLong() < head) {
                            return false;
                        }
                    }
                    return true;
                });
        for (JsonNode result : reconciled) {
            assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("CONSISTENT");
        }
    }

    private Process startNode(int childPort, Path log) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoseLedgerApplication.class.getName(),
                        "--server.port=" + childPort,
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=",
                        "--ledger.data-dir=" + properties.dataDir(),
                        "--ledger.integrity.sealing=false",
                        "--ledger.reconciliation.enabled=false",
                        "--ledger.rate-limit.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
