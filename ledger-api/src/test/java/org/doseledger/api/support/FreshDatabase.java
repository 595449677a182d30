package org.doseledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a new database on the shared embedded server (the external-database
 * path of the service) and at a data directory of its own.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    /** Closes every context this initializer prepared that is still open (at the end of the test JVM). */
    static void closeContexts() {
        for (ConfigurableApplicationContext context : CONTEXTS) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("a test context did not close: " + e);
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
        try {
            Path dataDir = Files.createTempDirectory("ledger-test-data");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fresh-database",
                            Map.ofEntries(
                                    Map.entry("spring.datasource.url", TestPostgres.newDatabase()),
                                    Map.entry("spring.datasource.username", "postgres"),
                                    Map.entry("spring.datasource.password", ""),
                                    Map.entry("ledger.data-dir", dataDir.toString()),
                                    // small, so that the tests' lots are also loaded from snapshots
                                    Map.entry("ledger.snapshot-threshold", "10"),
                                    // tests seal checkpoints when they need one, over everything committed
                                    Map.entry("ledger.integrity.sealing", "false"),
                                    Map.entry("ledger.integrity.gap-window", "0s"),
                                    // a small export's POST waits for the seal of its own request and its
                                    // bundle: on a loaded machine that takes more than the default 3 s
                                    Map.entry("ledger.exports.direct-wait", "15s"),
                                    // sealing is off unless a test seals: that is not a stall to report
                                    Map.entry(
                                            "ledger.integrity.max-unsealed-age",
                                            context.getEnvironment()
                                                    .getProperty("ledger.integrity.max-unsealed-age", "7d")),
                                    // tests are about other things than pace; RateLimitEndToEndTest turns it on
                                    Map.entry(
                                            "ledger.rate-limit.enabled",
                                            context.getEnvironment().getProperty("ledger.rate-limit.enabled", "false")),
                                    // many tests send wrong credentials on purpose, all from one address;
                                    // FailedCredentialsEndToEndTest sets a limit
                                    Map.entry(
                                            "ledger.rate-limit.failed-credentials-per-minute",
                                            context.getEnvironment()
                                                    .getProperty(
                                                            "ledger.rate-limit.failed-credentials-per-minute", "0")),
                                    // tokens of a pretend identity provider work beside API keys (TestTokens)
                                    Map.entry(
                                            "ledger.security.jwt.public-key-location", "classpath:jwt/test-issuer.pub"),
                                    Map.entry("ledger.security.jwt.issuer-uri", TestTokens.ISSUER),
                                    Map.entry("ledger.security.jwt.audiences", TestTokens.AUDIENCE))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
