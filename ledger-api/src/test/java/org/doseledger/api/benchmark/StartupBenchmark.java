package org.doseledger.api.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.projections.support.StreamingProcessors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up time to ready (docs/benchmarks.md) on the embedded default: the service is started on an
 * empty data directory and on one holding a generated ledger, alternately (empty, full, full, empty, ...),
 * and timed from the launch until {@code /actuator/health/readiness} answers 200. The full data directory
 * is prepared once by starting the service on it, writing {@link LedgerGenerator}'s ledger into its
 * embedded database and waiting until every read model has caught up; it is kept and reused while its
 * marker names the same size. Baselines from the same run: a JVM that only prints its version, and the
 * embedded PostgreSQL alone starting on the full data directory.
 */
public final class StartupBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(1);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBenchmark() {}

    /** How the service is started: the packaged jar in a JVM of its own, or in this JVM (for the smoke test). */
    public enum Launch {
        JAR,
        IN_PROCESS
    }

    public record Result(
            long events, double emptyMedian, double fullMedian, double jvmMedian, double postgresMedian, String text) {}

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("benchmark.events", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 4);
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Path jar = Path.of(System.getProperty("benchmark.jar", "target/dose-ledger.jar"));
        Files.createDirectories(output);
        Result result = run(Launch.JAR, jar, events, runs, output);
        Files.writeString(output.resolve("startup.md"), result.text());
        System.out.println(result.text());
        System.exit(0);
    }

    public static Result run(Launch launch, Path jar, long events, int runs, Path output) throws Exception {
        Path full = output.resolve("startup-data-" + events);
        prepare(full, events);
        List<Double> empty = new ArrayList<>();
        List<Double> onFull = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        List<Double> postgres = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            boolean emptyFirst = run % 2 == 0;
            for (int half = 0; half < 2; half++) {
                if (emptyFirst == (half == 0)) {
                    Path dir = Files.createTempDirectory(output, "startup-empty");
                    empty.add(start(launch, jar, dir, output));
                    FileSystemUtils.deleteRecursively(dir);
                } else {
                    onFull.add(start(launch, jar, full, output));
                }
            }
            jvm.add(javaVersion());
            postgres.add(postgresAlone(full));
        }
        return new Result(
                events,
                median(empty),
                median(onFull),
                median(jvm),
                median(postgres),
                report(launch, events, runs, empty, onFull, jvm, postgres));
    }

    private static void prepare(Path dir, long events) throws Exception {
        Path marker = dir.resolve("benchmark-events");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(Long.toString(events))) {
            log("reusing %s", dir);
            return;
        }
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.data-dir=" + dir,
                        "--ledger.rate-limit.enabled=false",
                        "--logging.level.root=WARN")) {
            EmbeddedPostgres postgres = running.getBean(EmbeddedPostgres.class);
            long written = new LedgerGenerator(
                            new LedgerGenerator.Shape(20, 150, events, 42), postgres.getPostgresDatabase())
                    .generate()
                    .events();
            log("generated %,d events in %.1f s; waiting for the read models", written, seconds(started));
            CatchUp.await(running.getBean(StreamingProcessors.class), CATCH_UP_TIMEOUT);
        }
        Files.writeString(marker, Long.toString(events));
        log("prepared %s in %.1f s", dir, seconds(started));
    }

    /** Seconds from the launch until the readiness probe answers 200. */
    private static double start(Launch launch, Path jar, Path dataDir, Path output) throws Exception {
        int port = freePort();
        String[] arguments = {"--server.port=" + port, "--ledger.data-dir=" + dataDir.toAbsolutePath()};
        long started = System.nanoTime();
        if (launch == Launch.IN_PROCESS) {
            try (ConfigurableApplicationContext running =
                    new SpringApplicationBuilder(DoseLedgerApplication.class).run(arguments)) {
                awaitReady(port, started);
                return seconds(started);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.resolve("startup-service.log").toFile())
                .start();
        try {
            awaitReady(port, started);
            return seconds(started);
        } finally {
            // SIGTERM: the service shuts down gracefully and stops its PostgreSQL
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitReady(int port, long started) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // not accepting connections yet
            }
            if (System.nanoTime() - started > READY_TIMEOUT.toNanos()) {
                throw new IllegalStateException("the service was not ready in " + READY_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    private static double javaVersion() throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor();
        return seconds(started);
    }

    private static double postgresAlone(Path full) throws IOException {
        // the service's data directory demands a password of every login, the superuser's among its keys
        Path superuser = full.resolve("keys").resolve("postgres-superuser.password");
        String password = Files.exists(superuser) ? Files.readString(superuser).strip() : "";
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(full.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setConnectConfig("password", password)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            return seconds(started);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String report(
            Launch launch,
            long events,
            int runs,
            List<Double> empty,
            List<Double> full,
            List<Double> jvm,
            List<Double> postgres) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Started %s, %d runs of each kind, alternating; seconds from the launch to readiness UP.%n%n",
                launch == Launch.JAR ? "as `java -jar dose-ledger.jar`" : "in the benchmark's JVM", runs));
        out.append("| Start | Median s | Runs (s) | Against the JVM baseline | Target |\n|---|---:|---|---:|---|\n");
        double base = median(jvm);
        row(out, "empty data directory", empty, base, "under 15 s");
        row(out, String.format("data directory with %,d events", events), full, base, "under 15 s");
        row(out, "**baseline**: `java -version`", jvm, base, "");
        row(out, "**baseline**: embedded PostgreSQL alone on the full data directory", postgres, base, "");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, List<Double> values, double base, String target) {
        double median = median(values);
        String met = target.isEmpty() ? "" : target + (median < 15 ? " (met)" : " (not met)");
        out.append(String.format(
                "| %s | %.2f | %s | %.1f | %s |%n",
                name,
                median,
                String.join(
                        ", ", values.stream().map(v -> String.format("%.2f", v)).toList()),
                median / base,
                met));
    }

    private static void log(String format, Object... args) {
        System.out.printf("[startup-benchmark] " + format + "%n", args);
    }
}
