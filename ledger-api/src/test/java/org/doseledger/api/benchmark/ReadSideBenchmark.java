package org.doseledger.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.accountability.AccountabilityAudit;
import org.doseledger.projections.accountability.FindAccountabilityQuery;
import org.doseledger.projections.audit.AuditTrailFilter;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.audit.FindAuditTrailQuery;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.compliance.ExceptionStatus;
import org.doseledger.projections.compliance.FindComplianceExceptionsQuery;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.consistency.FindDosingConsistencyQuery;
import org.doseledger.projections.stock.FindInventoryQuery;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.doseledger.projections.timeline.FindClientTimelineQuery;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-side benchmark: generates a ledger straight into the event table, starts the service on it
 * so that every streaming read model replays it from zero, then measures the hot reads over HTTP against
 * two baselines taken in the same run (the same query handler called in-process over JDBC, and a
 * {@code select 1} round trip) and explains the statements the handlers issue. Run on demand (see
 * docs/benchmarks.md); the test suite only runs it on a tiny ledger.
 */
public final class ReadSideBenchmark {

    /** What to generate and how much to measure; every value has a system property. */
    record Settings(
            long events, int practices, int clients, long seed, int warmup, int requests, Path outputDirectory) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Long.getLong("benchmark.events", 1_000_000),
                    Integer.getInteger("benchmark.practices", 20),
                    Integer.getInteger("benchmark.clients", 150),
                    Long.getLong("benchmark.seed", 42),
                    Integer.getInteger("benchmark.warmup", 200),
                    Integer.getInteger("benchmark.requests", 1000),
                    Path.of(System.getProperty("benchmark.output", "target/benchmark")));
        }
    }

    /** The measured numbers, for callers that check them (the smoke test). */
    record Result(
            long events,
            long deadLetters,
            Map<String, Latencies> http,
            Map<String, Latencies> handler,
            Path report,
            String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(3);

    private final Settings settings;
    private final String jdbcUrl;
    private final boolean quiet;
    private final StringBuilder report = new StringBuilder();

    /** {@code quiet} turns the service's logging down to warnings (for a JVM of its own: it is global). */
    ReadSideBenchmark(Settings settings, String jdbcUrl, boolean quiet) {
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.quiet = quiet;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path dataDirectory = settings.outputDirectory().resolve("postgres").toAbsolutePath();
        // the same server settings as the service's embedded database
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            Result result = new ReadSideBenchmark(settings, postgres.getJdbcUrl("postgres", "postgres"), true).run();
            System.out.println(result.text());
            System.out.println("Written to " + result.report().toAbsolutePath());
        }
        System.exit(0);
    }

    Result run() throws Exception {
        Files.createDirectories(settings.outputDirectory());
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(jdbcUrl);
        database.setUser("postgres");
        database.setReWriteBatchedInserts(true);
        JdbcTemplate sql = new JdbcTemplate(database);

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        log("generating a ledger of about %,d events", settings.events());
        LedgerGenerator.Ledger ledger = new LedgerGenerator(
                        new LedgerGenerator.Shape(
                                settings.practices(), settings.clients(), settings.events(), settings.seed()),
                        database)
                .generate();
        sql.execute("vacuum analyze domain_event_entry");
        log("generated %,d events in %s", ledger.events(), ledger.took());

        double readRate = sequentialRead(database, false);
        double deserializeRate = sequentialRead(database, true);

        Path dataDir = Files.createTempDirectory("ledger-benchmark-data");
        long startNanos = System.nanoTime();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--ledger.data-dir=" + dataDir,
                // one client measuring latency, not a credential to throttle
                "--ledger.rate-limit.enabled=false",
                "--server.port=0"));
        if (quiet) {
            arguments.add("--logging.level.root=WARN");
        }
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(DoseLedgerApplication.class).run(arguments.toArray(String[]::new));
        try {
            Duration started = Duration.ofNanos(System.nanoTime() - startNanos);
            Map<String, Duration> replay = awaitReplay(app, startNanos);
            long deadLetters = sql.queryForObject("select count(*) from dead_letter_entry", Long.class);
            log("read models caught up: %s", replay);
            sql.execute("vacuum analyze");

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Http http = new Http(port);
            String adminKey =
                    Files.readString(dataDir.resolve("initial-admin-key")).trim();
            Map<String, String> officerKeys = new LinkedHashMap<>();
            for (LedgerGenerator.PracticeSample practice : ledger.practices()) {
                officerKeys.put(practice.practiceId(), http.issueOfficerKey(adminKey, practice.practiceId()));
            }

            DataSource appDatabase = app.getBean(DataSource.class);
            RecordingJdbcTemplate recording = new RecordingJdbcTemplate(appDatabase);
            ObjectMapper ledgerMapper = JacksonConfiguration.ledgerMapper();
            Handlers handlers = new Handlers(
                    new ClientTimelineProjection(recording, ledgerMapper),
                    new AuditTrailProjection(recording, ledgerMapper),
                    new StockLotProjection(recording, ledgerMapper),
                    new AccountabilityAudit(recording),
                    new ComplianceExceptionsProjection(recording, ledgerMapper),
                    new DosingConsistencyProjection(recording, ledgerMapper));

            long head = sql.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            Scenarios scenarios = new Scenarios(ledger, handlers, officerKeys, head, new Random(settings.seed()));
            int total = settings.warmup() + settings.requests();
            Map<String, List<Call>> calls = new LinkedHashMap<>();
            calls.put("timeline", scenarios.timeline(total));
            calls.put("audit-trail", scenarios.auditTrail(total));
            calls.put("inventory", scenarios.inventory(total));
            calls.put("accountability", scenarios.accountability(total));
            calls.put("exceptions", scenarios.exceptions(total));
            calls.put("dosing-consistency", scenarios.dosingConsistency(total));

            JdbcTemplate appSql = new JdbcTemplate(appDatabase);
            long[] selectOne = new long[settings.requests()];
            for (int i = 0; i < settings.warmup() + settings.requests(); i++) {
                long before = System.nanoTime();
                appSql.queryForObject("select 1", Integer.class);
                if (i >= settings.warmup()) {
                    selectOne[i - settings.warmup()] = System.nanoTime() - before;
                }
            }

            Map<String, Latencies> httpLatencies = new LinkedHashMap<>();
            Map<String, Latencies> handlerLatencies = new LinkedHashMap<>();
            Map<String, Latencies> auditByFilterHttp = new LinkedHashMap<>();
            Map<String, Latencies> auditByFilterHandler = new LinkedHashMap<>();
            for (Map.Entry<String, List<Call>> scenario : calls.entrySet()) {
                log("measuring %s", scenario.getKey());
                Measured overHttp = measure(scenario.getValue(), call -> http.get(call.path(), call.key()));
                Measured inProcess =
                        measure(scenario.getValue(), call -> call.handler().get());
                httpLatencies.put(scenario.getKey(), overHttp.all());
                handlerLatencies.put(scenario.getKey(), inProcess.all());
                if (scenario.getKey().equals("audit-trail")) {
                    auditByFilterHttp.putAll(overHttp.byLabel());
                    auditByFilterHandler.putAll(inProcess.byLabel());
                }
            }

            Map<String, List<String>> plans = new LinkedHashMap<>();
            explain(plans, "timeline", calls.get("timeline").get(0), recording, appSql);
            for (String filter : auditByFilterHttp.keySet()) {
                List<Call> ofFilter = calls.get("audit-trail").stream()
                        .filter(c -> c.label().equals(filter))
                        .toList();
                Call call = ofFilter.stream()
                        .filter(Call::representative)
                        .findFirst()
                        .orElse(ofFilter.get(0));
                explain(plans, "audit-trail, " + filter, call, recording, appSql);
            }
            explain(plans, "inventory", calls.get("inventory").get(0), recording, appSql);
            explain(plans, "accountability", calls.get("accountability").get(0), recording, appSql);
            explain(plans, "exceptions", calls.get("exceptions").get(0), recording, appSql);
            explain(plans, "dosing-consistency", calls.get("dosing-consistency").get(0), recording, appSql);

            writeReport(
                    ledger,
                    started,
                    replay,
                    deadLetters,
                    readRate,
                    deserializeRate,
                    Latencies.of(selectOne),
                    httpLatencies,
                    handlerLatencies,
                    auditByFilterHttp,
                    auditByFilterHandler,
                    plans,
                    sql);
            Path file = settings.outputDirectory().resolve("read-side.md");
            Files.writeString(file, report.toString());
            return new Result(ledger.events(), deadLetters, httpLatencies, handlerLatencies, file, report.toString());
        } finally {
            app.close();
        }
    }

    /** Reads every event row in ledger order over one connection, optionally turning payloads into events. */
    private double sequentialRead(DataSource database, boolean deserialize) throws SQLException {
        SequentialRead.Result read = SequentialRead.of(database, deserialize);
        log(
                "read %,d rows (%,d MB)%s in %.1f s",
                read.rows(), read.bytes() >> 20, deserialize ? " and deserialized them" : "", read.seconds());
        return read.rowsPerSecond();
    }

    /** Waits until every streaming processor has handled the whole ledger; returns when each got there. */
    private Map<String, Duration> awaitReplay(ConfigurableApplicationContext app, long startNanos)
            throws InterruptedException {
        StreamingProcessors processors = app.getBean(StreamingProcessors.class);
        Map<String, Duration> done = new LinkedHashMap<>();
        long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
        long lastLog = 0;
        while (done.size() < processors.names().size()) {
            for (String name : processors.names()) {
                if (!done.containsKey(name) && processors.lag(name) == 0) {
                    done.put(name, Duration.ofNanos(System.nanoTime() - startNanos));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read models did not catch up in " + REPLAY_TIMEOUT + ": " + done);
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                lastLog = System.nanoTime();
                log(
                        "lag: %s",
                        processors.names().stream()
                                .map(name -> name + "=" + processors.lag(name))
                                .collect(Collectors.joining(", ")));
            }
            Thread.sleep(200);
        }
        return done;
    }

    private interface Runner {
        void run(Call call) throws Exception;
    }

    private record Measured(Latencies all, Map<String, Latencies> byLabel) {}

    private Measured measure(List<Call> calls, Runner runner) throws Exception {
        for (int i = 0; i < settings.warmup(); i++) {
            runner.run(calls.get(i));
        }
        List<Call> measured = calls.subList(settings.warmup(), calls.size());
        long[] nanos = new long[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            long before = System.nanoTime();
            runner.run(measured.get(i));
            nanos[i] = System.nanoTime() - before;
        }
        Map<String, List<Long>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < measured.size(); i++) {
            byLabel.computeIfAbsent(measured.get(i).label(), label -> new ArrayList<>())
                    .add(nanos[i]);
        }
        Map<String, Latencies> labelled = new LinkedHashMap<>();
        byLabel.forEach((label, values) -> labelled.put(
                label, Latencies.of(values.stream().mapToLong(Long::longValue).toArray())));
        return new Measured(Latencies.of(nanos), labelled);
    }

    private static void explain(
            Map<String, List<String>> plans,
            String name,
            Call call,
            RecordingJdbcTemplate recording,
            JdbcTemplate sql) {
        List<RecordingJdbcTemplate.Statement> statements =
                recording.record(() -> call.handler().get());
        List<String> lines = new ArrayList<>();
        lines.add("-- " + call.path());
        for (RecordingJdbcTemplate.Statement statement : statements) {
            lines.add("");
            lines.add(statement.sql().strip().replaceAll("\\s+", " "));
            lines.add("-- parameters: "
                    + java.util.Arrays.stream(statement.args())
                            .map(ReadSideBenchmark::describe)
                            .collect(Collectors.joining(", ")));
            lines.addAll(
                    sql.queryForList("explain (analyze, buffers) " + statement.sql(), String.class, statement.args()));
        }
        plans.put(name, lines);
    }

    private static String describe(Object argument) {
        if (argument instanceof String[] array) {
            return java.util.Arrays.toString(array);
        }
        return String.valueOf(argument);
    }

    record Handlers(
            ClientTimelineProjection timeline,
            AuditTrailProjection auditTrail,
            StockLotProjection stock,
            AccountabilityAudit accountability,
            ComplianceExceptionsProjection exceptions,
            DosingConsistencyProjection consistency) {}

    /** One read: its HTTP path and key, and the same query for the handler in-process. */
    record Call(String label, String path, String key, Supplier<Object> handler, boolean representative) {}

    /** Seeded random reads over the generated ledger. */
    private static final class Scenarios {

        private final LedgerGenerator.Ledger ledger;
        private final Handlers handlers;
        private final Map<String, String> keys;
        private final long head;
        private final Random random;

        Scenarios(
                LedgerGenerator.Ledger ledger, Handlers handlers, Map<String, String> keys, long head, Random random) {
            this.ledger = ledger;
            this.handlers = handlers;
            this.keys = keys;
            this.head = head;
            this.random = random;
        }

        private LedgerGenerator.PracticeSample practice() {
            return ledger.practices().get(random.nextInt(ledger.practices().size()));
        }

        private static <T> T pick(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private Instant randomDay() {
            long days = java.time.temporal.ChronoUnit.DAYS.between(LedgerGenerator.FIRST_DAY, ledger.lastDay());
            return LedgerGenerator.FIRST_DAY
                    .plusDays(random.nextInt((int) Math.max(1, days)))
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }

        List<Call> timeline(int count) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                LedgerGenerator.PracticeSample practice = practice();
                String client = pick(random, practice.clients());
                PracticeId practiceId = PracticeId.of(practice.practiceId());
                calls.add(new Call(
                        "first page of 100",
                        "/api/practices/" + practiceId + "/clients/" + client + "/timeline",
                        keys.get(practiceId.value()),
                        () -> handlers.timeline()
                                .handle(new FindClientTimelineQuery(new ClientRef(practiceId, client), 0, 100)),
                        i == 0));
            }
            return calls;
        }

        List<Call> auditTrail(int count) {
            List<String> filters = List.of(
                    "client",
                    "practitioner",
                    "eventType",
                    "location",
                    "substance",
                    "actor",
                    "occurred week",
                    "recorded day",
                    "combined",
                    "none");
            List<Call> calls = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                String filter = filters.get(i % filters.size());
                LedgerGenerator.PracticeSample practice = practice();
                // half of the reads are first pages, half continue from a position somewhere in the ledger
                long after = random.nextBoolean() ? 0 : 1 + (long) (random.nextDouble() * head);
                boolean representative = after == 0 && seen.add(filter);
                Map<String, String> params = new LinkedHashMap<>();
                AuditTrailFilter query;
                switch (filter) {
                    case "client" -> {
                        String client = pick(random, practice.clients());
                        params.put("client", client);
                        query = filter(null, null, null, null, null, null, client, null, null, List.of());
                    }
                    case "practitioner" -> {
                        String practitioner = pick(random, LedgerGenerator.NURSES);
                        params.put("practitioner", practitioner);
                        query = filter(null, null, null, null, null, practitioner, null, null, null, List.of());
                    }
                    case "eventType" -> {
                        params.put("eventType", "DoseWasted");
                        query = filter(null, null, null, null, null, null, null, null, null, List.of("DoseWasted"));
                    }
                    case "location" -> {
                        String location = pick(random, LedgerGenerator.LOCATIONS);
                        params.put("location", location);
                        query = filter(null, null, null, null, null, null, null, null, location, List.of());
                    }
                    case "substance" -> {
                        params.put("substance", "ESKETAMINE");
                        query = filter(null, null, null, null, null, null, null, "ESKETAMINE", null, List.of());
                    }
                    case "actor" -> {
                        String credential = pick(random, practice.credentials());
                        params.put("actor", credential);
                        query = filter(null, null, null, null, credential, null, null, null, null, List.of());
                    }
                    case "occurred week" -> {
                        Instant from = randomDay();
                        Instant to = from.plus(Duration.ofDays(7));
                        params.put("occurredFrom", from.toString());
                        params.put("occurredTo", to.toString());
                        query = filter(from, to, null, null, null, null, null, null, null, List.of());
                    }
                    case "recorded day" -> {
                        Instant from = randomDay();
                        Instant to = from.plus(Duration.ofDays(1));
                        params.put("recordedFrom", from.toString());
                        params.put("recordedTo", to.toString());
                        query = filter(null, null, from, to, null, null, null, null, null, List.of());
                    }
                    case "combined" -> {
                        Instant from = randomDay();
                        Instant to = from.plus(Duration.ofDays(30));
                        String location = pick(random, LedgerGenerator.LOCATIONS);
                        params.put("occurredFrom", from.toString());
                        params.put("occurredTo", to.toString());
                        params.put("location", location);
                        params.put("eventType", "DoseDrawn");
                        query = filter(from, to, null, null, null, null, null, null, location, List.of("DoseDrawn"));
                    }
                    default -> query = AuditTrailFilter.everything();
                }
                if (after > 0) {
                    params.put("afterPosition", Long.toString(after));
                }
                PracticeId practiceId = PracticeId.of(practice.practiceId());
                AuditTrailFilter finalQuery = query;
                calls.add(new Call(
                        filter,
                        "/api/practices/" + practiceId + "/audit-trail" + queryString(params),
                        keys.get(practiceId.value()),
                        () -> handlers.auditTrail().handle(new FindAuditTrailQuery(practiceId, finalQuery, after, 100)),
                        representative));
            }
            return calls;
        }

        private static AuditTrailFilter filter(
                Instant occurredFrom,
                Instant occurredTo,
                Instant recordedFrom,
                Instant recordedTo,
                String credential,
                String practitioner,
                String client,
                String substance,
                String location,
                List<String> eventTypes) {
            return new AuditTrailFilter(
                    occurredFrom,
                    occurredTo,
                    recordedFrom,
                    recordedTo,
                    credential,
                    practitioner,
                    client,
                    substance,
                    location,
                    eventTypes,
                    null);
        }

        List<Call> dosingConsistency(int count) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                LedgerGenerator.PracticeSample practice = practice();
                String client = pick(random, practice.clients());
                PracticeId practiceId = PracticeId.of(practice.practiceId());
                calls.add(new Call(
                        "one client's sessions, first page of 100",
                        "/api/practices/" + practiceId + "/dosing-consistency?client=" + client,
                        keys.get(practiceId.value()),
                        () -> handlers.consistency()
                                .handle(new FindDosingConsistencyQuery(practiceId, client, null, null, null, 0, 100)),
                        i == 0));
            }
            return calls;
        }

        List<Call> inventory(int count) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PracticeId practiceId = PracticeId.of(practice().practiceId());
                calls.add(new Call(
                        "lots with stock",
                        "/api/practices/" + practiceId + "/inventory",
                        keys.get(practiceId.value()),
                        () -> handlers.stock().handle(new FindInventoryQuery(practiceId, null, null, null, false)),
                        i == 0));
            }
            return calls;
        }

        List<Call> accountability(int count) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PracticeId practiceId = PracticeId.of(practice().practiceId());
                Instant asOf = randomDay().plus(Duration.ofDays(1));
                Instant from = asOf.minus(Duration.ofDays(30));
                Map<String, String> params = new LinkedHashMap<>();
                params.put("asOf", asOf.toString());
                params.put("from", from.toString());
                calls.add(new Call(
                        "30 days with movements",
                        "/api/practices/" + practiceId + "/accountability" + queryString(params),
                        keys.get(practiceId.value()),
                        () -> handlers.accountability()
                                .handle(new FindAccountabilityQuery(
                                        practiceId, asOf, Instant.now(), from, null, null, null, true)),
                        i == 0));
            }
            return calls;
        }

        List<Call> exceptions(int count) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PracticeId practiceId = PracticeId.of(practice().practiceId());
                calls.add(new Call(
                        "open and acknowledged",
                        "/api/practices/" + practiceId + "/exceptions",
                        keys.get(practiceId.value()),
                        () -> handlers.exceptions()
                                .handle(new FindComplianceExceptionsQuery(
                                        practiceId,
                                        LocalDate.now(ZoneOffset.UTC),
                                        Set.of(ExceptionStatus.OPEN, ExceptionStatus.ACKNOWLEDGED),
                                        Set.of(),
                                        0,
                                        100)),
                        i == 0));
            }
            return calls;
        }

        private static String queryString(Map<String, String> params) {
            if (params.isEmpty()) {
                return "";
            }
            return "?"
                    + params.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
        }
    }

    /** The load client: one connection, one request at a time, the whole body read as a client would. */
    private static final class Http {

        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String base;

        Http(int port) {
            this.base = "http://localhost:" + port;
        }

        void get(String path, String key) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + key)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        String issueOfficerKey(String adminKey, String practiceId) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/api-keys"))
                            .header("Authorization", "Bearer " + adminKey)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "benchmark-officer-" + practiceId)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"role\":\"COMPLIANCE_OFFICER\",\"practiceId\":\"" + practiceId
                                            + "\",\"label\":\"read-side benchmark\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "issuing a key answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("apiKey").asText();
        }
    }

    private void writeReport(
            LedgerGenerator.Ledger ledger,
            Duration started,
            Map<String, Duration> replay,
            long deadLetters,
            double readRate,
            double deserializeRate,
            Latencies selectOne,
            Map<String, Latencies> http,
            Map<String, Latencies> handler,
            Map<String, Latencies> auditHttp,
            Map<String, Latencies> auditHandler,
            Map<String, List<String>> plans,
            JdbcTemplate sql) {
        line("## Read-side benchmark, %s", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        line("");
        line("### Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPUs (`nproc`) | %d |", Runtime.getRuntime().availableProcessors());
        line("| CPU model | %s |", cpuModel());
        line("| RAM | %s |", memory());
        line(
                "| JDK | %s %s (max heap %,d MB) |",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        line("| PostgreSQL | %s |", sql.queryForObject("select version()", String.class));
        line(
                "| JVM arguments | `%s` |",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        line("");
        line("### Ledger");
        line("");
        line(
                "%,d events (target %,d, seed %d): %d practices of %d clients, on average %.1f dosing sessions per"
                        + " client, %s to %s.",
                ledger.events(),
                settings.events(),
                settings.seed(),
                settings.practices(),
                settings.clients(),
                ledger.sessionsPerClient(),
                LedgerGenerator.FIRST_DAY,
                ledger.lastDay());
        Map<String, Object> perPractice = sql.queryForMap(
                "select min(n) as min, round(avg(n)) as avg, max(n) as max from"
                        + " (select count(*) as n from audit_trail where practice_id is not null group by practice_id) t");
        Map<String, Object> perClient = sql.queryForMap("select min(n) as min, round(avg(n)) as avg, max(n) as max from"
                + " (select count(*) as n from client_timeline group by practice_id, client_id) t");
        line(
                "Events per practice: min %s, avg %s, max %s. Timeline rows per client: min %s, avg %s, max %s.",
                perPractice.get("min"),
                perPractice.get("avg"),
                perPractice.get("max"),
                perClient.get("min"),
                perClient.get("avg"),
                perClient.get("max"));
        line("");
        line(
                "Events by type: %s.",
                ledger.countsByType().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> String.format("%s %,d", e.getKey().replaceAll("Event$", ""), e.getValue()))
                        .collect(Collectors.joining(", ")));
        line("");
        line("| Table | Rows | Size (table + indexes) |");
        line("|---|---:|---:|");
        for (String table : List.of(
                "domain_event_entry",
                "audit_trail",
                "client_timeline",
                "stock_movement",
                "stock_lot",
                "stock_draw",
                "compliance_exception")) {
            Map<String, Object> size = sql.queryForMap("select (select count(*) from " + table
                    + ") as n, pg_size_pretty(pg_total_relation_size('" + table + "')) as size");
            line("| `%s` | %,d | %s |", table, ((Number) size.get("n")).longValue(), size.get("size"));
        }
        line("");
        line("### Writing and replaying");
        line("");
        line("| What | Time | Events/s | Against the baseline |");
        line("|---|---:|---:|---:|");
        line(
                "| Generator: JDBC batches of 2,000 into `domain_event_entry` (plus lookup tables) | %.1f s | %,.0f |"
                        + " |",
                ledger.took().toMillis() / 1000.0,
                ledger.events() / (ledger.took().toMillis() / 1000.0));
        line(
                "| **Baseline**: read every event row in order, plain JDBC, one connection | %.1f s | %,.0f | 1.00 |",
                ledger.events() / readRate, readRate);
        line(
                "| Baseline: the same, and deserialize every payload with the ledger's serializer | %.1f s | %,.0f |"
                        + " %.2f |",
                ledger.events() / deserializeRate, deserializeRate, deserializeRate / readRate);
        line(
                "| Service start (context ready; the processors start replaying during it) | %.1f s | | |",
                seconds(started));
        for (Map.Entry<String, Duration> entry : replay.entrySet()) {
            double rate = ledger.events() / seconds(entry.getValue());
            line(
                    "| Replay from zero, `%s` caught up (from the start of the service) | %.1f s | %,.0f | %.3f |",
                    entry.getKey(), seconds(entry.getValue()), rate, rate / readRate);
        }
        Duration all = replay.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        line(
                "| All %d read models replayed, running together | %.1f s | %,.0f | %.3f |",
                replay.size(), seconds(all), ledger.events() / seconds(all), ledger.events() / seconds(all) / readRate);
        line("");
        line("Dead letters after the replay: %d.", deadLetters);
        sql.queryForList("select processing_group, cause_type, left(cause_message, 300) as cause, count(*) as n"
                        + " from dead_letter_entry group by 1, 2, 3 order by n desc limit 10")
                .forEach(row -> line("- %s", row));
        line("");
        line("### Read latency");
        line("");
        line(
                "Sequential requests, one client thread on the same machine, %d warm-up then %d measured per read;"
                        + " milliseconds. HTTP is the whole path (Tomcat, API-key check, controller, Axon query bus,"
                        + " handler, JSON). Handler is the same query handler called in-process over JDBC on the"
                        + " service's connection pool (SQL and row mapping, no HTTP, security or query bus).",
                settings.warmup(), settings.requests());
        line("");
        line("| Read | Target p99 | HTTP p50 | p95 | p99 | max | Handler p50 | p99 | max | HTTP p99 / handler p99 |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Double> targets = Map.of("timeline", 50.0, "audit-trail", 50.0, "inventory", 20.0);
        for (String read : http.keySet()) {
            Latencies h = http.get(read);
            Latencies d = handler.get(read);
            Double target = targets.get(read);
            String verdict =
                    target == null ? "none" : String.format("%.0f (%s)", target, h.p99() <= target ? "met" : "missed");
            line(
                    "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |",
                    read, verdict, h.p50(), h.p95(), h.p99(), h.max(), d.p50(), d.p99(), d.max(), h.p99() / d.p99());
        }
        line(
                "| **Baseline**: `select 1` on the pool | | %.3f | %.3f | %.3f | %.3f | | | | |",
                selectOne.p50(), selectOne.p95(), selectOne.p99(), selectOne.max());
        line("");
        line(
                "Audit trail by filter (about %d measured requests each; half first pages, half from a random position):",
                settings.requests() / Math.max(1, auditHttp.size()));
        line("");
        line("| Filter | HTTP p50 | p95 | p99 | max | Handler p50 | p99 |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (String filter : auditHttp.keySet()) {
            Latencies h = auditHttp.get(filter);
            Latencies d = auditHandler.get(filter);
            line(
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |",
                    filter, h.p50(), h.p95(), h.p99(), h.max(), d.p50(), d.p99());
        }
        line("");
        line("### Plans");
        line("");
        line("`EXPLAIN (ANALYZE, BUFFERS)` of the statements the query handlers ran for a representative read"
                + " (first page), captured from the handler with their parameters.");
        for (Map.Entry<String, List<String>> plan : plans.entrySet()) {
            line("");
            line("#### %s", plan.getKey());
            line("");
            line("```");
            plan.getValue().forEach(this::line);
            line("```");
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[benchmark %s] %s%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), String.format(format, args));
    }
}
