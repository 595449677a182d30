package org.doseledger.api.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Ordinary writes of practice software from many threads at once, so that transactions commit out of
 * the order in which their events took their global index: registrations of clients, consents,
 * locations and practitioners, batches, and draws with their administrations on a few busy lots. Each
 * thread may post to another node of the service (several service instances on one database).
 */
public final class ConcurrentWorkload {

    public static final int LOTS = 8;

    private final String practice;
    private final String writer;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public ConcurrentWorkload(String practice, String writer) {
        this.practice = practice;
        this.writer = writer;
    }

    /**
     * Registers the practice's stock on one node: the fixture's safes, product, practitioners and client,
     * and {@link #LOTS} lots in safe-1 with stock for every draw of the workload.
     */
    public static StockFixture prepare(EndToEndTest test, Http http, String practice, String writer, String client) {
        return withLots(new StockFixture(test, http, practice, writer, client));
    }

    /** The same on a service of its own (another process), whose ADMIN key sets the practice's policies. */
    public static StockFixture prepare(String adminKey, Http http, String practice, String writer, String client) {
        return withLots(new StockFixture(adminKey, http, practice, writer, client));
    }

    private static StockFixture withLots(StockFixture stock) {
        for (int lot = 0; lot < LOTS; lot++) {
            StockFixture.created(stock.receive("safe-1", lotNumber(lot), 50, "2030-01-31"));
        }
        return stock;
    }

    public static String lotNumber(int lot) {
        return "LOT-C" + lot;
    }

    /**
     * Runs {@code rounds} rounds of writes on each of {@code threads} threads; thread {@code i} posts
     * through {@code node.apply(i)}. Returns once every thread is done or has been stopped by
     * {@code stop}.
     */
    public void run(int threads, int rounds, String client, IntFunction<Http> node, AtomicBoolean stop)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int t = thread;
            done.add(pool.submit(() -> {
                Http http = node.apply(t);
                for (int round = 0; round < rounds && !stop.get(); round++) {
                    try {
                        round(http, t, round, client);
                    } catch (RuntimeException e) {
                        // a node killed under load drops its connections: that is what the crash test wants
                        failures.add(t + "/" + round + ": " + e);
                        if (stop.get()) {
                            return;
                        }
                    }
                }
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("workload did not finish");
        }
        for (Future<?> future : done) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause().toString());
            }
        }
    }

    private void round(Http http, int thread, int round, String client) {
        String tag = thread + "-" + round + "-" + EndToEndTest.unique("w");
        String newClient = "client-" + tag;
        expect(post(http, "/clients", Bodies.client(newClient, StockFixture.now())), 201);
        expect(post(http, "/clients/" + newClient + "/consents", Bodies.consent(StockFixture.now())), 201);
        expect(
                post(
                        http,
                        "/locations",
                        "{\"locationId\":\"loc-" + tag + "\",\"name\":\"Cabinet " + tag
                                + "\",\"kind\":\"LOCKED_CABINET\",\"refrigerated\":false,\"occurredAt\":\""
                                + StockFixture.inUseSince() + "\"}"),
                201);
        expect(
                post(
                        http,
                        "/practitioners",
                        "{\"practitionerId\":\"rn-" + tag + "\",\"name\":\"Nurse " + tag
                                + "\",\"roles\":[\"NURSE\"],\"deaNumber\":null" + StockFixture.LICENCE
                                + ",\"occurredAt\":\"" + StockFixture.now() + "\"}"),
                201);
        String batchClient = "batch-" + tag;
        expect(
                post(
                        http,
                        "/batches",
                        "{\"items\":[" + item("/clients", Bodies.client(batchClient, StockFixture.now())) + ","
                                + item("/clients/" + batchClient + "/consents", Bodies.consent(StockFixture.now()))
                                + "]}"),
                201);
        String lot = "/stock/lots/safe-1/" + StockFixture.NDC + "/" + lotNumber((thread + round) % LOTS);
        Http.Response draw =
                post(http, lot + "/draws", """
                {"quantity":{"amount":"0.5","unit":"ML"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1",
                 "occurredAt":"%s"}
                """.formatted(client, StockFixture.SESSION, StockFixture.now()));
        if (expect(draw, 201)) {
            String drawId = draw.json().get("id").asText();
            expect(post(http, lot + "/draws/" + drawId + "/administrations", """
                            {"quantity":{"amount":"0.5","unit":"ML"},"route":"IM","administeredBy":"rn-1",
                             "occurredAt":"%s"}
                            """.formatted(StockFixture.now())), 201);
        }
    }

    private Http.Response post(Http http, String path, String body) {
        return http.post("/api/practices/" + practice + path)
                .key(writer)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .body(body)
                .send();
    }

    private static String item(String path, String body) {
        return "{\"method\":\"POST\",\"path\":\"" + path + "\",\"body\":" + body + "}";
    }

    /** True when accepted; a busy lot's 409 CONCURRENT_CHANGE is expected, anything else is a failure. */
    private boolean expect(Http.Response response, int status) {
        statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
        if (response.status() == status) {
            accepted.incrementAndGet();
            return true;
        }
        if (response.status() != 409 || !response.text().contains("CONCURRENT_CHANGE")) {
            failures.add(response.toString());
        }
        return false;
    }

    public int accepted() {
        return accepted.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<Integer, AtomicInteger> statuses() {
        return Map.copyOf(statuses);
    }
}
