package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL ends the service's connections while writes run, as it does when it restarts
 * ({@code 57P01}, "terminating connection due to administrator command"): every write is answered 201, or
 * 503 with {@code Retry-After} and then recorded exactly once when it is retried with its key. Never a
 * 500: the client did nothing wrong and nothing was written.
 */
class DatabaseConnectionsTerminatedEndToEndTest {

    private static final int WRITERS = 6;
    private static final int WRITES_PER_WRITER = 40;

    @TempDir
    Path directory;

    @Test
    void writesWhoseConnectionsPostgresqlEndsAreA503AndRecordedOnceOnRetry() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext service =
                        DatabaseOutageEndToEndTest.serviceOn(postgres, directory.resolve("data"))) {
            Http http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            String admin = Files.readString(directory.resolve("data/initial-admin-key"))
                    .trim();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/actuator/health/readiness").send().status() == 200);

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
            Future<Integer> terminator = threads.submit(() -> {
                int rounds = 0;
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    while (writing.get()) {
                        statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where backend_type = 'client backend' and pid <> pg_backend_pid()");
                        rounds++;
                        Thread.sleep(150);
                    }
                }
                return rounds;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        String practice = "cut-" + writer + "-" + i;
                        // the client's retries with the same key, every 100 ms, until the write is not refused
                        await().atMost(Duration.ofSeconds(60))
                                .pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(100))
                                .until(
                                        () -> {
                                            Http.Response answer = http.post("/api/practices")
                                                    .key(admin)
                                                    .idempotencyKey(practice)
                                                    .body(Bodies.practice(practice))
                                                    .send();
                                            int status = answer.status();
                                            statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                                    .incrementAndGet();
                                            if (status == 503
                                                    && answer.header("Retry-After")
                                                            .isEmpty()) {
                                                unexpected.add("503 without Retry-After: " + answer);
                                            } else if (status != 201 && status != 503) {
                                                unexpected.add(answer.toString());
                                            }
                                            return status;
                                        },
                                        status -> status != 503);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            int rounds = terminator.get();
            threads.shutdown();

            Map<Integer, Integer> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.get()));
            org.slf4j.LoggerFactory.getLogger(DatabaseConnectionsTerminatedEndToEndTest.class)
                    .info("Connections terminated {} times under {} writers: answers {}", rounds, WRITERS, byStatus);
            assertThat(rounds).as("connections were ended while writes ran").isGreaterThan(3);
            assertThat(unexpected)
                    .as("answers other than 201 and 503 with Retry-After")
                    .isEmpty();
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < WRITES_PER_WRITER; i++) {
                    String practice = "cut-" + w + "-" + i;
                    // a pooled connection ended in the last round fails its next use once: 503, then the pool
                    // has replaced it
                    Http.Response read = await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () -> http.get("/api/practices/" + practice)
                                            .key(admin)
                                            .send(),
                                    answer -> answer.status() != 503);
                    assertThat(read.status()).as(practice + ": " + read).isEqualTo(200);
                }
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("select count(*) from domain_event_entry"
                            + " where payload_type like '%.PracticeRegisteredEvent'")) {
                rows.next();
                assertThat(rows.getLong(1))
                        .as("each practice registered once")
                        .isEqualTo((long) WRITERS * WRITES_PER_WRITER);
            }
        }
    }
}
