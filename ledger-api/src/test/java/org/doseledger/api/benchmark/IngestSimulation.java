package org.doseledger.api.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The REST writes of the ingest benchmark as a Gatling simulation: client registrations, single ({@code POST
 * /api/practices/{p}/clients}) or in batches ({@code POST /api/practices/{p}/batches}). Gatling creates this
 * class by name, so {@link IngestBenchmark} hands it what to run through {@link #plan(Plan)} before each run.
 * Closed runs start one virtual user per writer at once, each sending its next request when the last is
 * answered; an open run sends single requests at a constant rate, round robin over the writers, whatever the
 * answers take. A request counts as OK only with status 201 and one event per registration in its answer.
 */
public class IngestSimulation extends Simulation {

    /** A practice and the PRACTICE_WRITER key for it: one per virtual user in a closed run. */
    public record Writer(String practiceId, String key) {}

    /**
     * One run: {@code requestsPerUser} requests from each writer, {@code batch} registrations to a request (1:
     * single requests); {@code requestsPerSecond} 0 for a closed run, else the rate of an open one (single
     * requests only), which sends {@code requestsPerUser} times the writers' number of requests in all.
     */
    public record Plan(String baseUrl, List<Writer> writers, int requestsPerUser, int batch, double requestsPerSecond) {

        public Plan {
            writers = List.copyOf(writers);
            if (requestsPerSecond > 0 && batch != 1) {
                throw new IllegalArgumentException("an open run sends single requests");
            }
            if (requestsPerSecond > 0
                    && requestsPerSecond != pace(requestsPerUser * writers.size(), requestsPerSecond)) {
                throw new IllegalArgumentException("an open run lasts whole seconds: pace("
                        + requestsPerUser * writers.size() + ", " + requestsPerSecond + ") gives its rate");
            }
        }

        /**
         * The rate nearest to {@code requestsPerSecond} at which {@code requests} take whole seconds (at least one):
         * Gatling's open injection steps count whole seconds and drop the rest.
         */
        static double pace(int requests, double requestsPerSecond) {
            return (double) requests / seconds(requests, requestsPerSecond);
        }

        private static long seconds(int requests, double requestsPerSecond) {
            return Math.max(1, Math.round(requests / requestsPerSecond));
        }

        boolean open() {
            return requestsPerSecond > 0;
        }

        int requests() {
            return requestsPerUser * writers.size();
        }
    }

    private static volatile Plan plan;
    private static final AtomicLong FIRST_START = new AtomicLong();
    private static final AtomicLong LAST_END = new AtomicLong();

    static void plan(Plan next) {
        plan = next;
        FIRST_START.set(Long.MAX_VALUE);
        LAST_END.set(Long.MIN_VALUE);
    }

    /** From the first virtual user's start to the last one's end, in seconds: the time the writes took. */
    static double seconds() {
        return (LAST_END.get() - FIRST_START.get()) / 1e9;
    }

    public IngestSimulation() {
        Plan run = plan;
        if (run == null) {
            throw new IllegalStateException("IngestSimulation runs from IngestBenchmark, which plans it");
        }
        List<Map<String, Object>> writers = run.writers().stream()
                .map(writer -> Map.<String, Object>of("practiceId", writer.practiceId(), "key", writer.key()))
                .toList();
        ChainBuilder write = exec(run.batch() == 1 ? single() : batch(run.batch()));
        HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl()).disableWarmUp();
        PopulationBuilder population;
        if (run.open()) {
            FeederBuilder<Object> roundRobin = listFeeder(writers).circular();
            population = scenario("open")
                    .feed(roundRobin)
                    .exec(IngestSimulation::started)
                    .exec(write)
                    .exec(IngestSimulation::ended)
                    // evenly spaced arrivals, exactly the planned number of them (constantUsersPerSec rounds its count)
                    .injectOpen(rampUsers(run.requests())
                            .during(Duration.ofSeconds(Plan.seconds(run.requests(), run.requestsPerSecond()))));
            // one user per request: without a shared pool each request would open a connection of its own
            protocol = protocol.shareConnections();
        } else {
            population = scenario("closed")
                    .feed(listFeeder(writers))
                    .exec(IngestSimulation::started)
                    .repeat(run.requestsPerUser())
                    .on(write)
                    .exec(IngestSimulation::ended)
                    .injectOpen(atOnceUsers(writers.size()));
        }
        setUp(population)
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static Session started(Session session) {
        FIRST_START.accumulateAndGet(System.nanoTime(), Math::min);
        return session;
    }

    private static Session ended(Session session) {
        LAST_END.accumulateAndGet(System.nanoTime(), Math::max);
        return session;
    }

    private static HttpRequestActionBuilder single() {
        return post("register a client", "/clients", session -> IngestBenchmark.client())
                .check(jmesPath("length(events)").ofInt().is(1));
    }

    private static HttpRequestActionBuilder batch(int size) {
        return post("register a batch of clients", "/batches", session -> {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = 0; i < size; i++) {
                        body.append(i == 0 ? "" : ",")
                                .append("{\"method\":\"POST\",\"path\":\"/clients\",\"body\":")
                                .append(IngestBenchmark.client())
                                .append('}');
                    }
                    return body.append("]}").toString();
                })
                .check(jmesPath("length(items[].receipt.events[])").ofInt().is(size));
    }

    private static HttpRequestActionBuilder post(String name, String path, Function<Session, String> body) {
        return http(name)
                .post("/api/practices/#{practiceId}" + path)
                .header("Authorization", "Bearer #{key}")
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody(body))
                .asJson()
                .check(status().is(201));
    }
}
