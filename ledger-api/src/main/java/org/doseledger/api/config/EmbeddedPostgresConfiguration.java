package org.doseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The zero-configuration default: a real PostgreSQL started from the service's own jar, with its data
 * directory under {@code ./data/postgres}, kept across restarts. Never used when a database URL is set; with
 * {@code ledger.embedded-postgres.enabled=false} (the container image) a start without a URL is refused instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlConfigured.class)
class EmbeddedPostgresConfiguration {

    static final String APPLICATION_ROLE = "ledger_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean
    static EmbeddedPostgresOptIn embeddedPostgresOptIn(Environment environment) {
        return new EmbeddedPostgresOptIn(environment);
    }

    /** Held for the life of the context, and released when the process dies however it dies. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(LedgerProperties properties) throws IOException {
        return DataDirectoryLock.acquire(properties.embeddedDataDirectory());
    }

    /** The logins' passwords, owner-only in the keys directory (generated at the first start that needs them). */
    @Bean
    EmbeddedPostgresPasswords embeddedPostgresPasswords(LedgerProperties properties, DataDirectoryLock lock)
            throws IOException {
        return EmbeddedPostgresPasswords.forDataDirectory(
                properties.dataDir().resolve("keys"),
                properties.embeddedDataDirectory().toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            LedgerProperties properties, DataDirectoryLock lock, EmbeddedPostgresPasswords passwords)
            throws IOException {
        Path dataDirectory = properties.embeddedDataDirectory().toAbsolutePath().normalize();
        // initdb and the server keep it 0700 themselves; created so, it is never open before they run
        OwnerOnlyFiles.createDirectories(dataDirectory);
        // the lock is ours, so a postmaster still running here was left by a process that is gone
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        log.info("Starting embedded PostgreSQL on data directory {}", dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(properties.embeddedPostgres().port())
                .setPGStartupWait(properties.embeddedPostgres().startupWait())
                // the library turns this off for speed; a ledger must not lose an acknowledged event
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the library's own connections (its readiness check, getPostgresDatabase()) log in as postgres
                .setConnectConfig("password", passwords.superuser())
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        passwords.prepare(directory.toPath());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot write " + directory + "/pg_hba.conf", e);
                    }
                })
                .start();
        log.info("Embedded PostgreSQL is listening on localhost:{}", postgres.getPort());
        grantApplicationRole(postgres, passwords);
        if (!EmbeddedPostgresPasswords.demandsPasswords(dataDirectory)) {
            demandPasswords(postgres, dataDirectory);
        }
        return postgres;
    }

    /**
     * The service itself connects as {@value #APPLICATION_ROLE}, which may read and write every table
     * except that it may only insert into and read the event tables (the afterMigrate callback narrows
     * tables the migrations create); the owner, {@code postgres}, only runs the migrations.
     */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresPasswords passwords) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APPLICATION_ROLE, "postgres"));
        dataSource.setUsername(APPLICATION_ROLE);
        dataSource.setPassword(passwords.application());
        dataSource.setPoolName("ledger-embedded");
        dataSource.setMaximumPoolSize(16);
        // as spring.datasource.hikari.* for a database server: fail within seconds when none is to be had
        dataSource.setConnectionTimeout(5000);
        dataSource.setValidationTimeout(2000);
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(EmbeddedPostgres postgres, EmbeddedPostgresPasswords passwords) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword(passwords.superuser());
        dataSource.setPoolName("ledger-embedded-owner");
        dataSource.setMaximumPoolSize(4);
        dataSource.setMinimumIdle(0);
        return dataSource;
    }

    /**
     * Sets both logins' passwords (again at every start, so that they are always the ones on file), then replaces the
     * start-up pg_hba.conf, which trusted the superuser from the loopback addresses, by one that demands a password of
     * every connection, and has the server reload it.
     */
    private static void demandPasswords(EmbeddedPostgres postgres, Path dataDirectory) throws IOException {
        EmbeddedPostgresPasswords.demandPasswords(dataDirectory);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not reload the embedded PostgreSQL's pg_hba.conf", e);
        }
        log.info("Embedded PostgreSQL now demands a password (scram-sha-256) of every connection");
    }

    private static void grantApplicationRole(EmbeddedPostgres postgres, EmbeddedPostgresPasswords passwords)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // generated Base64url text: nothing in it can end the quoted literal
            statement.execute("alter role postgres password '" + passwords.superuser() + "'");
            statement.execute("""
                    do $$
                    begin
                        if not exists (select 1 from pg_roles where rolname = 'ledger_app') then
                            create role ledger_app login;
                        end if;
                    end
                    $$;""");
            statement.execute("alter role ledger_app password '" + passwords.application() + "'");
            statement.execute("""
                    grant usage on schema public to ledger_app;
                    alter default privileges for role postgres in schema public
                        grant select, insert, update, delete on tables to ledger_app;
                    alter default privileges for role postgres in schema public
                        grant usage, select on sequences to ledger_app;
                    grant select, insert, update, delete on all tables in schema public to ledger_app;
                    grant usage, select on all sequences in schema public to ledger_app;
                    """);
            try (InputStream narrowing =
                    EmbeddedPostgresConfiguration.class.getResourceAsStream("/db/migration/afterMigrate.sql")) {
                statement.execute(new String(narrowing.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new IOException("could not set up the application role in the embedded PostgreSQL", e);
        }
    }
}
