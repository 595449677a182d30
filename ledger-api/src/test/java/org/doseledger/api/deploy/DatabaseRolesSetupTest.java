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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database setup the deployments ship, run on an empty PostgreSQL 17 as they would run it, followed by a start
 * of the service with the deployment's roles: Flyway migrates as {@code ledger_owner}, the service connects as
 * {@code ledger_app} and may then only append to the event tables.
 */
class DatabaseRolesSetupTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
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
