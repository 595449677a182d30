package org.doseledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM; every Spring context gets a database of its own on it, so
 * contexts never see each other's events and no test needs a server installed.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start();
                // the server goes last: contexts still open at exit release their tokens and close their pools
                // first, instead of waiting out connection timeouts against a server already gone
                EmbeddedPostgres started = server;
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    FreshDatabase.closeContexts();
                                    try {
                                        started.close();
                                    } catch (IOException e) {
                                        System.err.println("embedded PostgreSQL did not stop: " + e);
                                    }
                                },
                                "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static String newDatabase() {
        String name = "ledger_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
