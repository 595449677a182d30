package org.doseledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.doseledger.api.deploy.DeployFiles;
import org.doseledger.api.support.SystemPostgres;
import org.doseledger.api.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new, migrated ledger database for an attack suite: the connection the service's components use, and the
 * attacker's, a PostgreSQL superuser. On the embedded server both are the superuser {@code postgres}, as the suites
 * have always run. On an external server (Debian's PostgreSQL package, started by the test) the roles are those of a
 * deployment, made by {@code deploy/compose/postgres/10-ledger-roles.sh}: Flyway migrates as {@code ledger_owner}, the
 * service connects as {@code ledger_app} with its password (as {@code LEDGER_DB_URL}, {@code LEDGER_DB_USERNAME} and
 * {@code LEDGER_DB_PASSWORD} would give them), and the attacker is the server's superuser.
 */
record AttackedDatabase(DataSource service, DataSource superuser, String database, RoleConnections roles) {

    /** A connection to the same database as another role. */
    interface RoleConnections {
        DataSource as(String role, String password, String database);
    }

    private static final AtomicInteger EXTERNAL_DATABASES = new AtomicInteger();
    private static SystemPostgres external;

    static AttackedDatabase embedded() {
        String url = TestPostgres.newDatabase();
        DriverManagerDataSource postgres = new DriverManagerDataSource(url, "postgres", "");
        migrate(postgres);
        String database = new JdbcTemplate(postgres).queryForObject("select current_database()", String.class);
        return new AttackedDatabase(
                postgres,
                postgres,
                database,
                (role, password, name) -> new DriverManagerDataSource(
                        TestPostgres.server().getJdbcUrl("postgres", name).replace("user=postgres", "user=" + role),
                        role,
                        password));
    }

    /** Whether an external server can be started here (Debian's postgresql package installed). */
    static boolean externalAvailable() {
        return SystemPostgres.binaries().isPresent();
    }

    static AttackedDatabase external() {
        SystemPostgres server = externalServer();
        String database = "ledger_attack_" + EXTERNAL_DATABASES.incrementAndGet();
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("postgres"), "postgres", ""));
        admin.execute("create database " + database + " owner ledger_owner");
        JdbcTemplate inDatabase =
                new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(database), "postgres", ""));
        // what the init script does in the ledger's database, for this one
        inDatabase.execute("""
                set role ledger_owner;
                alter default privileges for role ledger_owner in schema public
                    grant select, insert, update, delete on tables to ledger_app;
                alter default privileges for role ledger_owner in schema public
                    grant usage, select on sequences to ledger_app;
                reset role
                """);
        migrate(new DriverManagerDataSource(server.jdbcUrl(database), "ledger_owner", "owner-secret"));
        return new AttackedDatabase(
                new DriverManagerDataSource(server.jdbcUrl(database), "ledger_app", "app-secret"),
                new DriverManagerDataSource(server.jdbcUrl(database), "postgres", ""),
                database,
                (role, password, name) -> new DriverManagerDataSource(server.jdbcUrl(name), role, password));
    }

    JdbcTemplate serviceJdbc() {
        return new JdbcTemplate(service);
    }

    JdbcTemplate superuserJdbc() {
        return new JdbcTemplate(superuser);
    }

    DataSource as(String role, String password) {
        return roles.as(role, password, database);
    }

    private static void migrate(DataSource owner) {
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** One server per test JVM, its roles made by the deployment's init script; stopped when the JVM exits. */
    private static synchronized SystemPostgres externalServer() {
        if (external == null) {
            SystemPostgres server = SystemPostgres.start("127.0.0.1", freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "external-postgres-shutdown"));
            createRoles(server);
            external = server;
        }
        return external;
    }

    private static void createRoles(SystemPostgres server) {
        ProcessBuilder script = new ProcessBuilder(
                        "sh",
                        DeployFiles.deploy("compose/postgres/10-ledger-roles.sh")
                                .toString())
                .redirectErrorStream(true);
        script.environment().putAll(server.clientEnvironment());
        script.environment().put("PATH", server.tool("psql").getParent() + ":" + System.getenv("PATH"));
        script.environment().put("POSTGRES_USER", "postgres");
        script.environment().put("LEDGER_OWNER_PASSWORD", "owner-secret");
        script.environment().put("LEDGER_APP_PASSWORD", "app-secret");
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the roles script failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
