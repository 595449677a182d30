package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The container image turns the embedded PostgreSQL off ({@code LEDGER_EMBEDDED_POSTGRES_ENABLED=false}): without
 * {@code LEDGER_DB_URL} the service then refuses to start, says how to give it a database, and creates nothing.
 */
class NoDatabaseConfiguredTest {

    @TempDir
    Path workDir;

    @Test
    void withoutADatabaseUrlTheServiceRefusesToStartAndWritesNothing() throws Exception {
        Path dataDir = workDir.resolve("data");
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DoseLedgerApplication.class.getName(),
                        "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // as the image sets it: through the environment
        builder.environment().remove("LEDGER_DB_URL");
        builder.environment().put("LEDGER_EMBEDDED_POSTGRES_ENABLED", "false");
        builder.environment().put("LEDGER_DATA_DIR", dataDir.toString());
        Process service = builder.start();

        assertThat(service.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(service.exitValue()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("No database is configured: LEDGER_DB_URL (spring.datasource.url) is not set")
                .contains("set LEDGER_EMBEDDED_POSTGRES_ENABLED=true to run the embedded PostgreSQL")
                .doesNotContain("Starting embedded PostgreSQL");
        assertThat(dataDir).as("the refused start created no data directory").doesNotExist();
    }

    @Test
    void theRefusalIsItsOwnFailureInProcessToo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(DoseLedgerApplication.class)
                        .properties(
                                "spring.datasource.url=",
                                "ledger.embedded-postgres.enabled=false",
                                "ledger.data-dir=" + workDir.resolve("data"),
                                "server.port=0")
                        .run()
                        .close())
                .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused))
                        .isInstanceOf(NoDatabaseConfiguredException.class));
    }

    @Test
    void withADatabaseUrlTheSwitchChangesNothing() {
        // arguments, as a command line gives them: the builder's properties rank below application.properties
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--spring.datasource.url=" + TestPostgres.newDatabase(),
                        "--spring.datasource.username=postgres",
                        "--ledger.embedded-postgres.enabled=false",
                        "--ledger.data-dir=" + workDir.resolve("data"),
                        "--ledger.integrity.sealing=false",
                        "--server.port=0")) {
            assertThat(context.getBean(JdbcTemplate.class)
                            .queryForObject("select count(*) from flyway_schema_history", Long.class))
                    .isPositive();
            assertThat(context.getBeansOfType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class))
                    .isEmpty();
        }
    }
}
