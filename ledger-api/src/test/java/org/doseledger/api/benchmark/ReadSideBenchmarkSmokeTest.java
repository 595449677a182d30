package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark starts and produces a result on a tiny ledger. It measures nothing here: the numbers
 * of a few requests on a shared machine mean nothing; docs/benchmarks.md has the real run.
 */
class ReadSideBenchmarkSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void producesAReportOnATinyLedgerStoredAsTheServiceStoresEvents(@TempDir Path output) throws Exception {
        String url = TestPostgres.newDatabase();

        ReadSideBenchmark.Result result =
                new ReadSideBenchmark(new ReadSideBenchmark.Settings(3_000, 2, 4, 7, 5, 20, output), url, false).run();

        assertThat(result.events()).isGreaterThanOrEqualTo(3_000);
        assertThat(result.deadLetters()).isZero();
        assertThat(result.http())
                .containsOnlyKeys(
                        "timeline", "audit-trail", "inventory", "accountability", "exceptions", "dosing-consistency");
        assertThat(result.http().get("timeline").count()).isEqualTo(20);
        assertThat(result.report()).exists();
        assertThat(result.text()).contains("#### audit-trail, client", "Index", "Execution Time");

        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser("postgres");
        JdbcTemplate sql = new JdbcTemplate(database);
        assertThat(sql.queryForObject("select count(*) from client_timeline", Long.class))
                .isPositive();
        assertThat(sql.queryForObject("select count(*) from audit_trail", Long.class))
                .isGreaterThanOrEqualTo(result.events());

        // the officer keys were issued over HTTP by the service itself, after the generated events
        Map<String, Object> written = sql.queryForMap(
                "select * from domain_event_entry where payload_type like '%ApiKeyIssuedEvent' and"
                        + " convert_from(meta_data, 'UTF8') like '%idempotencyKey%' order by global_index desc limit 1");
        Map<String, Object> generated = sql.queryForMap(
                "select * from domain_event_entry where payload_type like '%ClientRegisteredEvent' limit 1");

        assertThat(generated.get("payload_revision"))
                .isEqualTo(org.doseledger.core.client.api.ClientRegisteredEvent.class
                        .getAnnotation(org.axonframework.serialization.Revision.class)
                        .value());
        assertThat(generated.get("type")).isEqualTo("Client");
        assertThat(written.get("type")).isEqualTo("ApiKey");
        assertThat(((String) generated.get("time_stamp")))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                .hasSameSizeAs((String) written.get("time_stamp"));
        assertThat(fieldNames((byte[]) generated.get("meta_data")))
                .isEqualTo(fieldNames((byte[]) written.get("meta_data")));
        assertThat(new String((byte[]) generated.get("payload"))).startsWith("{\"address\":{");
    }

    private static java.util.List<String> fieldNames(byte[] json) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
