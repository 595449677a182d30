package org.doseledger.api.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.doseledger.api.apikey.ApiKeyIssuer;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.console.ConsoleAccountRegistration;
import org.doseledger.api.console.ConsoleAccountRegistration.CreatedConsoleAccount;
import org.doseledger.api.console.ConsoleCodeCommand;
import org.doseledger.api.integrity.CheckpointSealer;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.doseledger.core.shared.PracticeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --demo} ({@code ledger.demo=true}): once the service is ready, loads a small practice into a
 * ledger that has none, through the service's own REST API, so that a new user sees stock, sessions and
 * timelines at once. A ledger holding any practice is left as it is.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo", havingValue = "true")
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApiKeyIssuer issuer;
    private final ObjectMapper mapper;
    private final Environment environment;
    private final LedgerProperties properties;
    private final Clock clock;
    private final CheckpointSealer sealer;
    private final ConsoleAccountRegistration consoleAccounts;

    /** The demo compliance officer's console user name. */
    public static final String DEMO_OFFICER = "demo.officer";

    DemoLoader(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApiKeyIssuer issuer,
            ObjectMapper mapper,
            Environment environment,
            LedgerProperties properties,
            Clock clock,
            CheckpointSealer sealer,
            ConsoleAccountRegistration consoleAccounts) {
        this.sealer = sealer;
        this.consoleAccounts = consoleAccounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.issuer = issuer;
        this.mapper = mapper;
        this.environment = environment;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        load();
    }

    /** Loads the demo practice unless the ledger has a practice already; null when it loaded nothing. */
    public EmitResult load() {
        if (Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from practice_registry)", Boolean.class))) {
            log.info("--demo: the ledger already holds practices; no demo data loaded");
            return null;
        }
        // the history ends a minute ago: facts may not occur after the ledger records them
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        GeneratorSettings settings = GeneratorSettings.demo(end);
        String adminKey = transactions.execute(status -> issuer.issue(
                        new WriteContext(ApiCredential.SYSTEM, "demo", null, null, clock.instant()),
                        Role.ADMIN,
                        null,
                        "demo loader",
                        clock.instant().plus(Duration.ofHours(1)))
                .apiKey());
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        URI base = URI.create("http://localhost:" + port + contextPath);
        PracticeHistory history = new PracticeHistory(settings);
        EmitResult result =
                new RestEmitter(base, adminKey, "demo-" + end.getEpochSecond(), mapper).emit(history.facts());
        // sealed at once, so that the demo verifies from its first minute (what lies inside the gap window
        // is sealed by the next scheduled seal)
        sealer.seal();
        String practice = history.practiceIds().get(0);
        // the ADMIN key administers the ledger but reads no practice's records: the banner hands out a
        // compliance officer's key of the demo practice, kept in a file readable by its owner only
        String officerKey = transactions.execute(status -> issuer.issue(
                        new WriteContext(ApiCredential.SYSTEM, "demo", null, null, clock.instant()),
                        Role.COMPLIANCE_OFFICER,
                        PracticeId.of(practice),
                        "demo compliance officer",
                        clock.instant().plus(Duration.ofDays(30)))
                .apiKey());
        Path keyFile = properties
                .dataDir()
                .resolve("demo-compliance-officer-key")
                .toAbsolutePath()
                .normalize();
        try {
            OwnerOnlyFiles.writeAtomically(keyFile, (officerKey + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo compliance officer's key to " + keyFile, e);
        }
        CreatedConsoleAccount person = transactions.execute(status -> consoleAccounts.create(
                new WriteContext(ApiCredential.SYSTEM, "demo", null, null, clock.instant()),
                DEMO_OFFICER,
                "Demo compliance officer",
                Role.COMPLIANCE_OFFICER,
                PracticeId.of(practice),
                clock.instant().plus(Duration.ofDays(30))));
        Path accountFile = properties
                .dataDir()
                .resolve("demo-console-account")
                .toAbsolutePath()
                .normalize();
        try {
            OwnerOnlyFiles.writeAtomically(
                    accountFile, ConsoleCodeCommand.accountFile(person).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo console account to " + accountFile, e);
        }
        String curl = "curl -H \"Authorization: Bearer $(cat " + keyFile + ")\" ";
        log.warn(
                """

                =====================================================================
                 --demo: loaded practice '{}' ({}).
                 4 practitioners, 8 clients, 2 months of weekly dosing sessions
                 (America/Chicago), transcribed from its paper register as a history import.
                 Console: open {}/ and sign in as '{}'; the password is in {}.
                 The code: java -jar dose-ledger.jar totp {}
                 (or add the totp-secret in that file to an authenticator app).
                 A compliance officer's API key of the practice (30 days) is in {}. Try:
                   {}{}/api/practices/{}/inventory
                   {}-H "X-Purpose-Of-Use: TREATMENT" {}/api/practices/{}/clients/c-1/timeline
                   {}{}/api/practices/{}/exceptions
                   {}{}/api/practices/{}/audit-trail
                =====================================================================""",
                practice,
                result.summary(),
                base,
                DEMO_OFFICER,
                accountFile,
                accountFile,
                keyFile,
                curl,
                base,
                practice,
                curl,
                base,
                practice,
                curl,
                base,
                practice,
                curl,
                base,
                practice);
        return result;
    }
}
