package org.doseledger.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.deploy.DeployFiles;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.ConcurrentWorkload;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.ReadModelsAgainstTheLog;
import org.doseledger.api.support.StockFixture;
import org.doseledger.api.support.SystemPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three service processes and one PostgreSQL, each in a network namespace of its own, so that faults cross a real
 * (virtual) network: a node killed, a node cut off from PostgreSQL, PostgreSQL restarted, all under load. Runs as
 * root with {@code ip} and the operating system's PostgreSQL package; skipped otherwise. The figures it prints are
 * those of docs/reliability.md. The scenarios run in order on one cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkFaultsTest {

    private static final int NODES = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, Object> FIGURES = Collections.synchronizedMap(new LinkedHashMap<>());

    private static Network network;
    private static SystemPostgres postgres;
    private static JdbcTemplate jdbc;
    private static Path work;
    private static final Map<Integer, Node> nodes = new TreeMap<>();
    private static String admin;
    private static String practice;
    private static String writer;
    private static String client;
    private static StockFixture stock;
    private static long firstWorkloadPosition;
    private static long startedAt;

    record Node(int k, Process process, Path log, Http http) {

        /** Its name as the owner of segments in token_entry ({@code ledger.node-id}). */
        String owner() {
            return "node-" + k;
        }

        boolean ready() {
            try {
                return http.get("/actuator/health/readiness")
                                .timeout(Duration.ofSeconds(3))
                                .send()
                                .status()
                        == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    @BeforeAll
    static void startTheCluster() throws Exception {
        assumeTrue(Network.available(), "needs root and the ip command (network namespaces and veth pairs)");
        assumeTrue(
                SystemPostgres.binaries().isPresent(),
                "needs the operating system's PostgreSQL server package (Debian: postgresql)");
        work = Files.createTempDirectory("ledger-faults-");
        network = Network.create(NODES);
        postgres = SystemPostgres.start(Network.databaseAddress(), 5432, "*", Network.in(Network.DATABASE));
        createRoles();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("ledger"));
        dataSource.setUser("postgres");
        jdbc = new JdbcTemplate(dataSource);

        admin = newKey();
        long started = System.nanoTime();
        startedAt = started;
        for (int k = 1; k <= NODES; k++) {
            nodes.put(k, startNode(k));
        }
        for (Node node : nodes.values()) {
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast(
                            "node " + node.k() + " exited; see " + node.log(),
                            () -> !node.process().isAlive())
                    .until(node::ready);
        }
        FIGURES.put("three nodes started together, all ready after (s)", seconds(started));
    }

    @AfterAll
    static void stopTheCluster() {
        System.out.println("NetworkFaultsTest figures:");
        FIGURES.forEach((what, value) -> System.out.println("  " + what + ": " + value));
        for (Node node : nodes.values()) {
            node.process().destroyForcibly();
        }
        for (Node node : nodes.values()) {
            try {
                node.process().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (network != null) {
            network.close();
        }
    }

    /** The first start on an empty database, three nodes at once: one admin key, one migration, every segment owned. */
    @Test
    @Order(1)
    void threeNodesStartTogetherOnOneDatabaseAndShareTheSegments() {
        assertThat(jdbc.queryForObject("select count(*) from api_key_registry", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
                .isPositive();
        Http http = nodes.get(1).http();
        practice = EndToEndTest.unique("faults");
        assertCreated(http.post("/api/practices")
                .key(admin)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .body(Bodies.practice(practice))
                .send());
        Http.Response key = http.post("/api/admin/api-keys")
                .key(admin)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .body("{\"role\":\"PRACTICE_WRITER\",\"label\":\"faults\",\"practiceId\":\"" + practice + "\"}")
                .send();
        assertCreated(key);
        writer = key.json().get("apiKey").asText();
        client = "client-" + EndToEndTest.unique("c");
        assertCreated(post(nodes.get(2).http(), "/clients", Bodies.client(client, StockFixture.now())));
        stock = ConcurrentWorkload.prepare(admin, nodes.get(3).http(), practice, writer, client);

        // six read models of four segments: eight per node once the nodes have balanced them
        Map<String, Integer> spread = Map.of("node-1", 8, "node-2", 8, "node-3", 8);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> segmentOwners().equals(spread));
        FIGURES.put("segments owned per node after the start", segmentOwners());
        FIGURES.put("segments spread over the three nodes after the first start (s)", seconds(startedAt));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where owner is null", Long.class))
                .as("every segment of every streaming read model is owned")
                .isZero();
    }

    /** Draws on one lot from all three nodes at once: the balance never goes below zero, the losers get 409. */
    @Test
    @Order(2)
    void drawsOnOneLotFromEveryNodeAtOnceNeverOverdrawIt() throws Exception {
        StockFixture.created(stock.receive("safe-1", "LOT-RACE", 1, "2030-01-31"));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> positions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 12; thread++) {
            Node node = nodes.get(thread % NODES + 1);
            done.add(pool.submit(() -> {
                StockFixture through = StockFixture.existing(node.http(), practice, writer, client);
                for (int attempt = 0; attempt < 4; attempt++) {
                    Http.Response answer = through.draw("safe-1", "LOT-RACE", "0.5", "rn-1");
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (answer.status() == 201) {
                        positions.add(answer.json().get("ledgerPosition").asLong());
                    } else {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        int drawn = statuses.getOrDefault(201, new AtomicInteger()).get();
        FIGURES.put("draws of 0.5 mL on a 10 mL lot from 3 nodes x 4 threads x 4 attempts, answers", statuses);
        assertThat(statuses.keySet()).containsOnly(201, 409);
        assertThat(drawn).as("no more than the lot held").isLessThanOrEqualTo(20);
        long last = positions.stream().mapToLong(Long::longValue).max().orElse(0);
        for (Node node : nodes.values()) {
            JsonNode lot =
                    StockFixture.existing(node.http(), practice, writer, client).lot("safe-1", "LOT-RACE", last);
            assertThat(lot.get("onHand").decimalValue())
                    .as("node " + node.k() + " reads the balance the acknowledged draws leave")
                    .isEqualByComparingTo(
                            new BigDecimal("10").subtract(new BigDecimal("0.5").multiply(BigDecimal.valueOf(drawn))))
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    /**
     * A read with atLeastPosition on one node right after a write on another returns that write: at once, or after
     * 503 PROJECTION_BEHIND answers (the read model was not there within ledger.read-wait-timeout) that the client
     * retries, never a 200 without it.
     */
    @Test
    @Order(3)
    void aReadOnOneNodeAfterAWriteOnAnotherSeesTheWrite() {
        Map<String, Integer> answers = new TreeMap<>();
        long slowest = 0;
        for (int i = 0; i < 6; i++) {
            Node writing = nodes.get(i % NODES + 1);
            Node reading = nodes.get((i + 1) % NODES + 1);
            String newClient = "client-" + EndToEndTest.unique("ryw");
            Http.Response written = post(writing.http(), "/clients", Bodies.client(newClient, StockFixture.now()));
            assertCreated(written);
            long position = written.json().get("ledgerPosition").asLong();
            long asked = System.nanoTime();
            Http.Response read = await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> reading.http()
                                    .get("/api/practices/" + practice + "/clients/" + newClient
                                            + "/timeline?atLeastPosition=" + position)
                                    .key(writer)
                                    .timeout(REQUEST_TIMEOUT)
                                    .send(),
                            answer -> {
                                answers.merge(
                                        answer.status() == 200
                                                ? "200"
                                                : answer.status() + " "
                                                        + answer.json()
                                                                .path("code")
                                                                .asText(),
                                        1,
                                        Integer::sum);
                                if (answer.status() == 503) {
                                    assertThat(answer.json().get("code").asText())
                                            .isEqualTo("PROJECTION_BEHIND");
                                    return false;
                                }
                                return true;
                            });
            slowest = Math.max(slowest, System.nanoTime() - asked);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.text()).contains("ClientRegistered");
        }
        FIGURES.put("read-your-write across nodes: answers", answers);
        FIGURES.put("read-your-write across nodes: slowest (s)", String.format("%.1f", slowest / 1e9));
    }

    /**
     * The node holding the most segments is killed with kill -9 while all three take writes: the others take its
     * segments once its claims time out, and every read model holds every event exactly once.
     */
    @Test
    @Order(4)
    void aNodeKilledUnderLoadHasItsSegmentsTakenOverAndNothingIsProcessedTwice() throws Exception {
        firstWorkloadPosition = head() + 1;
        Map<String, Integer> before = segmentOwners();
        Node victim = nodes.values().stream()
                .max((a, b) -> Integer.compare(before.getOrDefault(a.owner(), 0), before.getOrDefault(b.owner(), 0)))
                .orElseThrow();
        AtomicBoolean killed = new AtomicBoolean();
        ConcurrentWorkload workload = new ConcurrentWorkload(practice, writer);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<Long> killedAt = killer.submit(() -> {
            Thread.sleep(5000);
            killed.set(true);
            victim.process().destroyForcibly();
            return System.nanoTime();
        });
        workload.run(9, 6, client, thread -> nodes.get(thread % NODES + 1).http(), killed);
        long killTime = killedAt.get(1, TimeUnit.MINUTES);
        killer.shutdown();
        victim.process().waitFor(30, TimeUnit.SECONDS);
        String victimOwner = victim.owner();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from token_entry where owner = ? or owner is null",
                                Long.class,
                                victimOwner)
                        == 0);
        FIGURES.put("kill -9: node holding the most segments", "node " + victim.k() + " with " + before);
        FIGURES.put("kill -9: its segments owned by the others after (s)", seconds(killTime));
        FIGURES.put("kill -9: writes accepted during the run", workload.accepted());
        FIGURES.put("kill -9: answers", workload.statuses());
        FIGURES.put(
                "kill -9: requests lost with the killed node's connections",
                workload.failures().size());
        assertThat(workload.failures())
                .as("only the killed node's connections fail")
                .filteredOn(failure -> !failure.contains("IOException") && !failure.contains("ConnectException"))
                .isEmpty();
        nodes.remove(victim.k());
        assertReadModelsHoldEveryEventOnce("after the kill");
        FIGURES.put("kill -9: the service's own reconciliation afterwards", reconciliation());
    }

    /**
     * One of the surviving nodes is cut off from PostgreSQL (its link dropped, not refused): it turns unready and
     * answers 503 with Retry-After, the other node keeps writing; when the link returns it recovers without a restart.
     */
    @Test
    @Order(5)
    void aNodeCutOffFromPostgresTurnsUnreadyAnswers503AndRecoversWhenTheLinkReturns() {
        List<Node> alive = new ArrayList<>(nodes.values());
        Node cut = alive.get(0);
        Node other = alive.get(1);
        long cutAt = System.nanoTime();
        network.cut(cut.k());
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !cut.ready());
            FIGURES.put("cut: node unready after (s)", seconds(cutAt));
            assertThat(liveness(cut))
                    .as("liveness stays up: no restart for a database outage")
                    .isEqualTo(200);
            long asked = System.nanoTime();
            Http.Response refused = post(
                    cut.http(), "/clients", Bodies.client("client-" + EndToEndTest.unique("cut"), StockFixture.now()));
            FIGURES.put("cut: a write to the cut node answered " + refused.status() + " after (s)", seconds(asked));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isPresent();
            assertCreated(post(
                    other.http(),
                    "/clients",
                    Bodies.client("client-" + EndToEndTest.unique("ok"), StockFixture.now())));
        } finally {
            network.restore(cut.k());
        }
        long restored = System.nanoTime();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(cut::ready);
        FIGURES.put("cut: node ready again after the link returned (s)", seconds(restored));
        long asked = System.nanoTime();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> post(
                                        cut.http(),
                                        "/clients",
                                        Bodies.client("client-" + EndToEndTest.unique("back"), StockFixture.now()))
                                .status()
                        == 201);
        FIGURES.put("cut: first 201 from the node after it was ready (s)", seconds(asked));
        assertReadModelsHoldEveryEventOnce("after the cut");
    }

    /**
     * PostgreSQL restarted while both nodes take writes: refusals while it restarts, 201s again after it, every write
     * that was acknowledged is in the ledger, and every refused write retried with its Idempotency-Key is recorded
     * exactly once.
     */
    @Test
    @Order(6)
    void postgresRestartedUnderLoadLosesNothingAcknowledged() throws Exception {
        record Attempt(Node node, String clientId, String idempotencyKey, String body) {

            Http.Response send() {
                return node.http()
                        .post("/api/practices/" + practice + "/clients")
                        .key(writer)
                        .idempotencyKey(idempotencyKey)
                        .timeout(REQUEST_TIMEOUT)
                        .body(body)
                        .send();
            }
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Attempt> refused = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<Node> alive = new ArrayList<>(nodes.values());
        ExecutorService writers = Executors.newFixedThreadPool(6);
        for (int thread = 0; thread < 6; thread++) {
            Node node = alive.get(thread % alive.size());
            writers.submit(() -> {
                while (!stop.get()) {
                    String clientId = "client-" + EndToEndTest.unique("pg");
                    Attempt attempt = new Attempt(
                            node, clientId, EndToEndTest.unique("idem"), Bodies.client(clientId, StockFixture.now()));
                    try {
                        Http.Response answer = attempt.send();
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger())
                                .incrementAndGet();
                        if (answer.status() == 201) {
                            acknowledged.add(answer.json().get("ledgerPosition").asLong());
                        } else {
                            refused.add(attempt);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                        refused.add(attempt);
                    }
                }
            });
        }
        Thread.sleep(3000);
        long restart = System.nanoTime();
        postgres.restart();
        FIGURES.put("restart: pg_ctl restart -m fast took (s)", seconds(restart));
        int beforeRecovery = acknowledged.size();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> alive.stream().allMatch(Node::ready) && acknowledged.size() > beforeRecovery + 5);
        FIGURES.put("restart: both nodes ready and writing again after (s)", seconds(restart));
        Thread.sleep(2000);
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        FIGURES.put("restart: answers", new TreeMap<>(statuses));
        FIGURES.put("restart: requests that failed without an answer", failures.size());
        assertThat(statuses)
                .as("writes went through before and after the restart")
                .containsKey(201);
        assertThat(statuses.keySet())
                .as("accepted, or refused with a 503 while the database restarted; never a 500")
                .isSubsetOf(201, 503);

        List<Long> missing = new ArrayList<>();
        for (long position : acknowledged) {
            if (jdbc.queryForObject(
                            "select count(*) from domain_event_entry where global_index = ?", Long.class, position)
                    != 1) {
                missing.add(position);
            }
        }
        FIGURES.put("restart: acknowledged writes missing from the ledger", missing.size());
        assertThat(missing).as("acknowledged, then lost").isEmpty();

        // a client that got no 201 retries with the same Idempotency-Key: recorded once, whatever happened first
        for (Attempt attempt : refused) {
            Http.Response retried = attempt.send();
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?",
                            Long.class,
                            "client:" + practice + ":" + attempt.clientId()))
                    .as(attempt.clientId() + " is registered exactly once")
                    .isEqualTo(1);
        }
        FIGURES.put("restart: refused writes retried with their Idempotency-Key, each recorded once", refused.size());
        assertReadModelsHoldEveryEventOnce("after the restart");
    }

    private static Object reconciliation() {
        Http.Response response = nodes.values()
                .iterator()
                .next()
                .http()
                .post("/api/admin/processors/reconciliation")
                .key(admin)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .timeout(REQUEST_TIMEOUT)
                .body("{\"reason\":\"fault suite\"}")
                .send();
        if (response.status() != 200) {
            return response.status() + " " + response.text();
        }
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode result : response.json()) {
            verdicts.put(
                    result.get("processor").asText(),
                    result.get("status").asText()
                            + (result.has("findings") && result.get("findings").size() > 0
                                    ? " " + result.get("findings")
                                    : ""));
        }
        return verdicts;
    }

    private static void assertReadModelsHoldEveryEventOnce(String when) {
        long head = head();
        long waited = System.nanoTime();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> new ReadModelsAgainstTheLog(jdbc)
                        .differences(firstWorkloadPosition).stream()
                                .allMatch(ReadModelsAgainstTheLog.Difference::none));
        FIGURES.put(
                "read models hold every event up to " + head + " exactly once, " + when + ", after (s)",
                seconds(waited));
    }

    private static long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    private static Map<String, Integer> segmentOwners() {
        Map<String, Integer> owners = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "select owner, count(*) as segments from token_entry" + " where owner is not null group by owner")) {
            String owner = row.get("owner").toString();
            owners.put(owner, ((Number) row.get("segments")).intValue());
        }
        return owners;
    }

    private static int liveness(Node node) {
        return node.http()
                .get("/actuator/health/liveness")
                .timeout(Duration.ofSeconds(5))
                .send()
                .status();
    }

    private static Http.Response post(Http http, String path, String body) {
        return http.post("/api/practices/" + practice + path)
                .key(writer)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .timeout(REQUEST_TIMEOUT)
                .body(body)
                .send();
    }

    private static void assertCreated(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(randomKey());

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static Node startNode(int k) throws IOException {
        Path dataDir = Files.createDirectories(work.resolve("node-" + k));
        Path log = work.resolve("node-" + k + ".log");
        List<String> command = new ArrayList<>(Network.in(Network.node(k)));
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                DoseLedgerApplication.class.getName(),
                "--server.port=8080",
                "--spring.datasource.url=jdbc:postgresql://" + Network.databaseAddressFor(k) + ":5432/ledger",
                "--spring.datasource.username=ledger_app",
                "--spring.flyway.user=ledger_owner",
                "--ledger.data-dir=" + dataDir,
                "--ledger.node-id=node-" + k,
                "--ledger.initial-admin-key=" + admin,
                // replicas share the master key, as deploy/README.md says: each opens what another sealed
                "--ledger.privacy.master-key=" + MASTER_KEY,
                "--ledger.integrity.sealing=" + (k == 1),
                "--ledger.rate-limit.enabled=false",
                "--logging.level.org.axonframework.eventhandling.pooled=INFO"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Node(k, process, log, new Http(Network.nodeAddress(k), 8080));
    }

    private static void createRoles() {
        ProcessBuilder script = new ProcessBuilder(
                        "sh",
                        DeployFiles.deploy("compose/postgres/10-ledger-roles.sh")
                                .toString())
                .redirectErrorStream(true);
        script.environment().putAll(postgres.clientEnvironment());
        script.environment().put("PATH", postgres.tool("psql").getParent() + ":" + System.getenv("PATH"));
        script.environment().put("POSTGRES_USER", "postgres");
        script.environment().put("LEDGER_OWNER_PASSWORD", "owner-secret");
        script.environment().put("LEDGER_APP_PASSWORD", "app-secret");
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newKey() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(id);
        ThreadLocalRandom.current().nextBytes(secret);
        return "dlk." + HexFormat.of().formatHex(id) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }
}
