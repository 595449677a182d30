package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The callback that narrows the application role's rights on the history tables runs at every start of
 * every replica. Replicas starting together ran it at once, and PostgreSQL refused the second change of
 * the same table's privileges ("tuple concurrently updated"): the replica failed to start.
 */
class AfterMigrateCallbackTest {

    @Test
    void replicasStartingTogetherEachNarrowTheRoleWithoutFailing() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'ledger_app') then"
                + " create role ledger_app; end if; end $$");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String callback =
                new ClassPathResource("db/migration/afterMigrate.sql").getContentAsString(StandardCharsets.UTF_8);

        ExecutorService replicas = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int replica = 0; replica < 6; replica++) {
                Callable<Integer> starts = () -> {
                    for (int start = 0; start < 30; start++) {
                        jdbc.execute(callback);
                    }
                    return 30;
                };
                runs.add(replicas.submit(starts));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(30);
            }
        } finally {
            replicas.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select has_table_privilege('ledger_app', 'domain_event_entry', 'UPDATE')", Boolean.class))
                .isFalse();
    }
}
