package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.doseledger.api.DoseLedgerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database setups the deployments ship (Compose's init script, CloudNativePG's bootstrap), run on an empty
 * PostgreSQL 17 as they would run, each followed by a start
 * of the service with the deployment's roles: Flyway migrates as {@code ledger_owner}, the service connects as
 * {@code ledger_app} and may then only append to the event tables.
 */
class DatabaseRolesSetupTest {

    private EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    /** A server of its own per test: roles belong to the whole server. */
    @BeforeEach
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @AfterEach
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void composeInitScriptGivesTheServiceItsTwoRoles() throws Exception {
        assumeTrue(onPath("psql"), "psql is not installed: the compose init script is a psql script");
        ProcessBuilder script = new ProcessBuilder(
                        "sh",
                        DeployFiles.deploy("compose/postgres/10-ledger-roles.sh")
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("init.log").toFile());
        script.environment().put("PGHOST", "localhost");
        script.environment().put("PGPORT", Integer.toString(postgres.getPort()));
        script.environment().put("POSTGRES_USER", "postgres");
        script.environment().put("LEDGER_OWNER_PASSWORD", "owner-secret");
        script.environment().put("LEDGER_APP_PASSWORD", "app-secret");
        Process process = script.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dataDir.resolve("init.log")))
                .isZero();

        startTheServiceWithTheTwoRoles();
    }

    /**
     * What CloudNativePG does with {@code deploy/k8s/base/database.yaml}: initdb makes the owner and its database,
     * runs {@code postInitApplicationSQL} in that database as the superuser, then the operator gives the managed
     * role its password.
     */
    @Test
    void cloudNativePgBootstrapGivesTheServiceItsTwoRoles() throws Exception {
        Object cluster = Yaml.read(DeployFiles.deploy("k8s/base/database.yaml"));
        Object initdb = Yaml.at(cluster, "spec", "bootstrap", "initdb");
        assertThat(Yaml.string(initdb, "owner")).isEqualTo("ledger_owner");
        assertThat(Yaml.string(initdb, "database")).isEqualTo("ledger");
        JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
        superuser.execute("create role ledger_owner login password 'owner-secret'");
        superuser.execute("create database ledger owner ledger_owner");
        JdbcTemplate ledger = new JdbcTemplate(postgres.getDatabase("postgres", "ledger"));
        for (Object statement : Yaml.listAt(initdb, "postInitApplicationSQL")) {
            ledger.execute(statement.toString());
        }
        assertThat(Yaml.listAt(cluster, "spec", "managed", "roles"))
                .anySatisfy(role -> assertThat(Yaml.string(role, "name")).isEqualTo("ledger_app"));
        superuser.execute("alter role ledger_app login password 'app-secret'");

        startTheServiceWithTheTwoRoles();
    }

    private void startTheServiceWithTheTwoRoles() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/ledger",
                        "--spring.datasource.username=ledger_app",
                        "--spring.datasource.password=app-secret",
                        "--spring.flyway.user=ledger_owner",
                        "--spring.flyway.password=owner-secret",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--server.port=0")) {
            assertTheServiceMayOnlyAppendEvents(service.getBean(JdbcTemplate.class));
        }
    }

    static void assertTheServiceMayOnlyAppendEvents(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("ledger_app");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .as("the first start issued the admin key: events were appended")
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "select tableowner from pg_tables where tablename = 'domain_event_entry'", String.class))
                .isEqualTo("ledger_owner");
        for (String rewrite : new String[] {
            "update domain_event_entry set payload = payload",
            "delete from ledger_checkpoint",
            "alter table domain_event_entry disable trigger domain_event_entry_append_only"
        }) {
            assertThatThrownBy(() -> jdbc.execute(rewrite))
                    .as(rewrite)
                    .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused)
                                    .getMessage())
                            .containsAnyOf("permission denied", "must be owner"));
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
