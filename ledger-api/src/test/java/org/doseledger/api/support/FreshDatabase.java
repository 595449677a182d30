package org.doseledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a new database on the shared embedded server (the external-database
 * path of the service) and at a data directory of its own.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dataDir = Files.createTempDirectory("ledger-test-data");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fresh-database",
                            Map.of(
                                    "spring.datasource.url",
                                    TestPostgres.newDatabase(),
                                    "spring.datasource.username",
                                    "postgres",
                                    "spring.datasource.password",
                                    "",
                                    "ledger.data-dir",
                                    dataDir.toString(),
                                    // small, so that the tests' lots are also loaded from snapshots
                                    "ledger.snapshot-threshold",
                                    "10",
                                    // tests seal checkpoints when they need one, over everything committed
                                    "ledger.integrity.sealing",
                                    "false",
                                    "ledger.integrity.gap-window",
                                    "0s",
                                    // tests are about other things than pace; RateLimitEndToEndTest turns it on
                                    "ledger.rate-limit.enabled",
                                    context.getEnvironment().getProperty("ledger.rate-limit.enabled", "false"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
