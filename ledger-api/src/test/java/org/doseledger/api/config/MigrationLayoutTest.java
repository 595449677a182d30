package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.doseledger.api.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The read models' migrations live with the read models in ledger-projections, the write side's in ledger-api;
 * Flyway reads both as one sequence. A database migrated while every migration sat in one folder recorded each
 * script without a folder; it must still validate and start, with nothing to apply.
 */
class MigrationLayoutTest {

    @Test
    void aDatabaseMigratedBeforeTheReadModelsMigrationsMovedStillValidates() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        Flyway flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        List<String> inFolders =
                jdbc.queryForList("select script from flyway_schema_history where script like '%/%'", String.class);
        assertThat(inFolders)
                .as("read-model migrations are in folders of ledger-projections")
                .isNotEmpty();

        // as the history read before the move: every script at the top of db/migration
        jdbc.update("update flyway_schema_history set script = regexp_replace(script, '^.*/', '')");

        ValidateResult validated = flyway.validateWithResult();
        assertThat(validated.validationSuccessful)
                .as(String.valueOf(validated.invalidMigrations))
                .isTrue();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void everyVersionIsFoundOnceAndTheReadModelsMigrationsInTheirFolders() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        var migrations = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .info()
                .all();
        // Flyway refuses to start on a version found twice; this names the modules' split instead
        assertThat(migrations).hasSizeGreaterThan(40);
        assertThat(List.of(migrations).stream()
                        .filter(m -> m.getScript().contains("/"))
                        .count())
                .as("migrations in ledger-projections' read-model folders")
                .isGreaterThan(30);
    }
}
