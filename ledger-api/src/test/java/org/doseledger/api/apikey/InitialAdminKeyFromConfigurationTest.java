package org.doseledger.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ledger.initial-admin-key}: the first admin key made beforehand and given to every replica (a Kubernetes
 * Secret), instead of a file on whichever replica started first.
 */
class InitialAdminKeyFromConfigurationTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void theConfiguredKeyIsTheFirstAdminKeyAndNoFileIsWritten() {
        String database = TestPostgres.newDatabase();
        String configured = newKey();
        try (ConfigurableApplicationContext replica = start(database, first, configured)) {
            assertThat(new Http(port(replica))
                            .get("/api/admin/api-keys")
                            .key(configured)
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(first.resolve("initial-admin-key")).doesNotExist();

            String another = newKey();
            try (ConfigurableApplicationContext other = start(database, second, another)) {
                Http http = new Http(port(other));
                assertThat(http.get("/api/admin/api-keys").key(another).send().status())
                        .as("a key configured after the first start is not issued")
                        .isEqualTo(401);
                assertThat(http.get("/api/admin/api-keys")
                                .key(configured)
                                .send()
                                .status())
                        .isEqualTo(200);
                assertThat(other.getBean(JdbcTemplate.class)
                                .queryForObject("select count(*) from api_key_registry", Long.class))
                        .isEqualTo(1);
                assertThat(second.resolve("initial-admin-key")).doesNotExist();
            }
        }
    }

    @Test
    void aKeyThatIsNotAnApiKeyStopsTheStart() {
        assertThatThrownBy(() ->
                        start(TestPostgres.newDatabase(), first, "admin123").close())
                .satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("ledger.initial-admin-key (LEDGER_INITIAL_ADMIN_KEY) must look like"));
    }

    /** As the runbook makes one: dlk.<8 random bytes in hex>.<32 random bytes in base64url>. */
    private static String newKey() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(id);
        ThreadLocalRandom.current().nextBytes(secret);
        return "dlk." + HexFormat.of().formatHex(id) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static ConfigurableApplicationContext start(String database, Path dataDir, String key) {
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .run(
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.integrity.sealing=false",
                        "--ledger.initial-admin-key=" + key,
                        "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
