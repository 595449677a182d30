package org.doseledger.api.benchmark.jmh;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the JMH benchmarks of this package (the {@code jmh} profile, docs/benchmarks.md): starts one
 * embedded PostgreSQL with the service's durability settings for all forks, runs JMH, and writes its
 * JSON and text results and a markdown table with the ratios to their baselines.
 */
public final class JmhBenchmarks {

    private JmhBenchmarks() {}

    public static void main(String[] args) throws Exception {
        String include = System.getProperty("jmh.include", "");
        int forks = Integer.getInteger("jmh.forks", 1);
        String events = System.getProperty("benchmark.events", "100000");
        String prior = System.getProperty("benchmark.prior", "100000");
        Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark"));
        Files.createDirectories(output);
        Path work = Files.createTempDirectory(output, "jmh-work");
        String loadBefore = loadAverage();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            // the forks find the server and the work directory here; so does a run without forks
            System.setProperty(PreparedDatabases.PORT, Integer.toString(postgres.getPort()));
            System.setProperty(PreparedDatabases.WORK, work.toString());
            Options options = new OptionsBuilder()
                    .include(include.isBlank() ? JmhBenchmarks.class.getPackageName() : include)
                    .forks(forks)
                    .param("events", events)
                    .param("prior", prior)
                    .jvmArgsAppend(
                            "-Xmx1g",
                            "-D" + PreparedDatabases.PORT + "=" + postgres.getPort(),
                            "-D" + PreparedDatabases.WORK + "=" + work,
                            // the service leaves threads behind; its context is closed when the fork ends
                            "-Djmh.shutdownTimeout=2")
                    .resultFormat(ResultFormatType.JSON)
                    .result(output.resolve("jmh.json").toString())
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            try (PrintStream text = new PrintStream(output.resolve("jmh.txt").toFile(), StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.TEXT, text).writeOut(results);
            }
            String report = machine(loadBefore) + "\n" + report(results);
            Files.writeString(output.resolve("jmh.md"), report);
            System.out.println(report);
        }
        FileSystemUtils.deleteRecursively(work);
        System.exit(0);
    }

    /** The results as markdown: each benchmark with its baseline, and the ratio between them. */
    public static String report(Collection<RunResult> results) {
        StringBuilder out = new StringBuilder();
        Optional<RunResult> verify = find(results, "ChainVerificationBenchmark.verify");
        Optional<RunResult> read = find(results, "ChainVerificationBenchmark.plainJdbcRead");
        Optional<RunResult> hash = find(results, "ChainVerificationBenchmark.sha256InMemory");
        if (Stream.of(verify, read, hash).anyMatch(Optional::isPresent)) {
            out.append("Chain verification, ledger of about ")
                    .append(param(Stream.of(verify, read, hash), "events"))
                    .append(" events (`@Param events`), one operation = the whole ledger:\n\n");
            out.append("| Benchmark | events/s | ± (99.9%) | ledgers/s | iterations |\n|---|---:|---:|---:|---:|\n");
            verify.ifPresent(r -> rate(out, "verification: every hash, link, chain and checkpoint", r));
            read.ifPresent(r -> rate(out, "**baseline**: the same rows with plain JDBC", r));
            hash.ifPresent(r -> rate(out, "**baseline**: event and chain SHA-256 in Java, rows in memory", r));
            out.append('\n');
            if (verify.isPresent() && read.isPresent()) {
                out.append(String.format(
                        "Verification / plain JDBC read: %.2f%n", events(verify.get()) / events(read.get())));
            }
            if (verify.isPresent() && hash.isPresent()) {
                out.append(String.format(
                        "Verification / SHA-256 in memory: %.2f%n", events(verify.get()) / events(hash.get())));
            }
            out.append('\n');
        }
        Optional<RunResult> longLot = find(results, "LongStreamBenchmark.longLot");
        Optional<RunResult> freshLot = find(results, "LongStreamBenchmark.freshLot");
        if (longLot.isPresent() || freshLot.isPresent()) {
            out.append("Long stream: one witnessed count through `LedgerWriter`, lot with ")
                    .append(param(Stream.of(longLot, freshLot), "prior"))
                    .append(" prior events (`@Param prior`) against fresh lots, JMH sample time:\n\n");
            out.append("| Lot | Samples | mean ms | p50 ms | p90 ms | p99 ms | max ms |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            longLot.ifPresent(r -> latency(out, "long lot", r));
            freshLot.ifPresent(r -> latency(out, "**baseline**: fresh lot", r));
            if (longLot.isPresent() && freshLot.isPresent()) {
                Statistics onLong = longLot.get().getPrimaryResult().getStatistics();
                Statistics onFresh = freshLot.get().getPrimaryResult().getStatistics();
                out.append(String.format(
                        "%nLong / fresh: p50 %.2f, p99 %.2f (target under 1.5).%n",
                        onLong.getPercentile(50) / onFresh.getPercentile(50),
                        onLong.getPercentile(99) / onFresh.getPercentile(99)));
            }
        }
        return out.toString();
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(benchmark))
                .findFirst();
    }

    private static String param(Stream<Optional<RunResult>> results, String name) {
        return results.flatMap(Optional::stream)
                .map(r -> String.format("%,d", Long.parseLong(r.getParams().getParam(name))))
                .findFirst()
                .orElseThrow();
    }

    private static double events(RunResult result) {
        return result.getSecondaryResults().get("events").getScore();
    }

    private static void rate(StringBuilder out, String name, RunResult result) {
        Result<?> events = result.getSecondaryResults().get("events");
        out.append(String.format(
                "| %s | %,.0f | %,.0f | %.2f | %d |%n",
                name,
                events.getScore(),
                events.getScoreError(),
                result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getSampleCount()));
    }

    private static void latency(StringBuilder out, String name, RunResult result) {
        Statistics statistics = result.getPrimaryResult().getStatistics();
        out.append(String.format(
                "| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                name,
                statistics.getN(),
                statistics.getMean(),
                statistics.getPercentile(50),
                statistics.getPercentile(90),
                statistics.getPercentile(99),
                statistics.getMax()));
    }

    /** Which machine, and how busy it was: the other people on these cores are part of the result. */
    private static String machine(String loadBefore) {
        String cpu = proc("cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
        String memory = proc("meminfo").stream()
                .filter(line -> line.startsWith("MemTotal"))
                .map(line -> String.format("%.1f GB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst()
                .orElse("unknown");
        return String.format(
                "Finished %s; %d CPUs (%s), %s, JDK %s %s; load average %s before, %s after.%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                loadBefore,
                loadAverage());
    }

    private static String loadAverage() {
        return proc("loadavg").stream()
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
                .findFirst()
                .orElse("unknown");
    }

    /** A file of /proc, or nothing where there is none (macOS). */
    private static List<String> proc(String name) {
        try {
            return Files.readAllLines(Path.of("/proc", name));
        } catch (IOException e) {
            return List.of();
        }
    }
}
