package org.doseledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the operating system's packages (Debian's {@code /usr/lib/postgresql/<major>/bin}), with
 * its own data directory, started and stopped by a test: a database server as an installation runs one, with
 * {@code pg_dump}, {@code pg_restore} and {@code psql} of the same version. As root the server runs as the
 * {@code postgres} user (PostgreSQL refuses root).
 */
public final class SystemPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dataDir;
    private final String host;
    private final int port;
    private final List<String> prefix;

    private SystemPostgres(Path bin, Path dataDir, String host, int port, List<String> prefix) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.prefix = prefix;
    }

    /** The newest installed server's binaries, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Stream.of("postgres", "initdb", "pg_ctl", "pg_dump", "pg_restore", "psql")
                            .allMatch(tool -> Files.isExecutable(dir.resolve(tool))))
                    .max(Comparator.comparing(dir -> Integer.parseInt(
                            dir.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** initdb and start on this address and port; trust authentication, durable settings. */
    public static SystemPostgres start(String host, int port) {
        return start(host, port, host, List.of());
    }

    /**
     * The same, with the server's commands run behind a prefix (such as {@code ip netns exec <namespace>}, so that the
     * server lives in a network namespace), listening on {@code listen} and reached by clients at {@code host}.
     */
    public static SystemPostgres start(String host, int port, String listen, List<String> prefix) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL server is installed"));
        try {
            Path dataDir = Files.createTempDirectory("ledger-pg-");
            SystemPostgres server = new SystemPostgres(bin, dataDir, host, port, prefix);
            if (runsAsRoot()) {
                server.exec(List.of("chown", "postgres:postgres", dataDir.toString()), false);
            }
            server.exec(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dataDir.resolve("data").toString(),
                            "-U",
                            "postgres",
                            "--auth=trust",
                            "-E",
                            "UTF8",
                            "--locale=C"),
                    true);
            Files.writeString(
                    dataDir.resolve("data/postgresql.auto.conf"),
                    String.join(
                            "\n",
                            "listen_addresses = '" + listen + "'",
                            "port = " + port,
                            "unix_socket_directories = '" + dataDir + "'",
                            "fsync = on",
                            "synchronous_commit = on",
                            "max_connections = 200",
                            ""),
                    StandardCharsets.UTF_8);
            // trust from the addresses tests use (a namespace's private range included); never a real server's setting
            Files.writeString(
                    dataDir.resolve("data/pg_hba.conf"),
                    "local all all trust\nhost all all 0.0.0.0/0 trust\nhost all all ::/0 trust\n",
                    StandardCharsets.UTF_8);
            server.pgCtl(
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    dataDir.resolve("server.log").toString());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        pgCtl(
                "restart",
                "-w",
                "-t",
                "60",
                "-m",
                "fast",
                "-l",
                dataDir.resolve("server.log").toString());
    }

    public void stopImmediately() {
        pgCtl("stop", "-w", "-m", "immediate");
    }

    public void startAgain() {
        pgCtl("start", "-w", "-t", "60", "-l", dataDir.resolve("server.log").toString());
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Path tool(String name) {
        return bin.resolve(name);
    }

    /** Environment for libpq tools ({@code psql}, {@code pg_dump}...) to reach this server as the superuser. */
    public Map<String, String> clientEnvironment() {
        return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGUSER", "postgres");
    }

    /** Runs a client tool against this server and returns its output; fails on a non-zero exit. */
    public String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(clientEnvironment());
        return run(builder, command);
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString()));
        command.addAll(Arrays.asList(arguments));
        exec(command, true);
    }

    private String exec(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>(prefix);
        if (asPostgres && runsAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(new ProcessBuilder(full).redirectErrorStream(true), full);
    }

    private static String run(ProcessBuilder builder, List<String> command) {
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            pgCtl("stop", "-w", "-m", "fast");
        } catch (RuntimeException e) {
            System.err.println("PostgreSQL did not stop: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e);
        }
    }
}
