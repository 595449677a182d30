package org.doseledger.api.benchmark.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.api.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The databases the JMH benchmarks measure, each prepared once per PostgreSQL server and then used by
 * every fork: writing 100,000 events takes longer than measuring them, and JMH starts a JVM of its own
 * for each benchmark. {@link JmhBenchmarks} starts the server and hands its port and a work directory
 * to the forks as system properties; without them (benchmarks run in the same JVM, as the smoke test
 * does) the test suite's embedded server and a temporary directory are used.
 */
final class PreparedDatabases {

    static final String PORT = "benchmark.jmh.port";
    static final String WORK = "benchmark.jmh.work";

    private static Path temporaryWork;

    private PreparedDatabases() {}

    /**
     * The database {@code name}, migrated and written by {@code writer} if no run on this server has
     * done it yet. It is written under another name and renamed when complete, so a fork that died
     * while writing leaves nothing that a later fork would take for prepared.
     */
    static synchronized DataSource prepare(String name, Consumer<DataSource> writer) {
        JdbcTemplate server = new JdbcTemplate(dataSource("postgres"));
        Integer existing =
                server.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, name);
        if (existing == 0) {
            String partial = name + "_partial";
            server.execute("drop database if exists " + partial);
            server.execute("create database " + partial);
            DataSource database = dataSource(partial);
            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            writer.accept(database);
            new JdbcTemplate(database).execute("vacuum analyze");
            server.execute("alter database " + partial + " rename to " + name);
        }
        return dataSource(name);
    }

    static String url(String name) {
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    /** A directory that outlives the fork: signing keys and the service's data directory live here. */
    static synchronized Path work(String name) {
        String given = System.getProperty(WORK);
        try {
            if (given == null && temporaryWork == null) {
                Path created = Files.createTempDirectory("jmh-work");
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(created.toFile())));
                temporaryWork = created;
            }
            return Files.createDirectories((given != null ? Path.of(given) : temporaryWork).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataSource dataSource(String name) {
        return new DriverManagerDataSource(url(name), "postgres", "");
    }

    private static int port() {
        String given = System.getProperty(PORT);
        return given != null ? Integer.parseInt(given) : TestPostgres.server().getPort();
    }
}
