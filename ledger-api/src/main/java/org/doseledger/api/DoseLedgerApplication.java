package org.doseledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import org.doseledger.api.config.DataDirectoryLock.DataDirectoryInUseException;
import org.doseledger.api.config.NoDatabaseConfiguredException;
import org.doseledger.api.generator.GenerateCommand;
import org.doseledger.api.integrity.LedgerVerification;
import org.doseledger.api.witness.WitnessCommand;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Dose Ledger service: REST API over an event-sourced ledger in PostgreSQL. {@code java -jar
 * dose-ledger.jar verify [settings]} instead verifies the whole ledger against its signed checkpoints,
 * prints the report and exits 0 when both verdicts pass, 1 when one fails; {@code verify-bundle
 * bundle.zip --public-key key.pub} checks an exported bundle without a database or network; {@code
 * --demo} loads a small generated practice into an empty ledger once the service is ready; {@code
 * generate --seed N --practices N --clients N --months N} writes a generated history and prints its
 * rate (see GenerateCommand); {@code witness --key ... --log <origin>=<vkey> --state ...} runs a witness
 * that cosigns the ledger's tree checkpoints (see WitnessCommand, docs/tamper-evidence.md); {@code totp
 * <account file>} prints the current sign-in code of the {@code --demo} console account (ConsoleCodeCommand).
 */
// the service is no authorization server: when its classes are on the class path (the console's sign-in
// tests start one of their own), Boot would otherwise give the service a key set and a token decoder
@SpringBootApplication(
        exclude = UserDetailsServiceAutoConfiguration.class,
        excludeName = {
            "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        })
@ConfigurationPropertiesScan
@EnableScheduling
public class DoseLedgerApplication {

    /** Exit code of a start refused because its data directory is in use by another process. */
    static final int DATA_DIRECTORY_IN_USE = 3;

    /** Exit code of a start refused because it has neither a database URL nor the embedded PostgreSQL. */
    static final int NO_DATABASE = 2;

    private static final String AXONIQ_CONSOLE_MESSAGE = "disable-axoniq-console-message";

    public static void main(String[] args) throws Exception {
        // Axon's eight-line advertisement at every start; its own switch is this system property
        if (System.getProperty(AXONIQ_CONSOLE_MESSAGE) == null) {
            System.setProperty(AXONIQ_CONSOLE_MESSAGE, "true");
        }
        try {
            run(args);
        } catch (RuntimeException e) {
            if (NestedExceptionUtils.getRootCause(e) instanceof DataDirectoryInUseException inUse) {
                // Spring Boot has printed what happened and what to do; no stack trace on top of it
                System.err.println(inUse.getMessage());
                System.exit(DATA_DIRECTORY_IN_USE);
            }
            if (NestedExceptionUtils.getMostSpecificCause(e) instanceof NoDatabaseConfiguredException none) {
                System.err.println(none.getMessage());
                System.exit(NO_DATABASE);
            }
            throw e;
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("witness")) {
            System.exit(WitnessCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("totp")) {
            System.exit(org.doseledger.api.console.ConsoleCodeCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("verify-bundle")) {
            System.exit(OfflineBundleVerifier.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(verify(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("generate")) {
            int code = GenerateCommand.run(DoseLedgerApplication.class, Arrays.copyOfRange(args, 1, args.length));
            if (code != GenerateCommand.SERVING) {
                System.exit(code);
            }
            return;
        }
        SpringApplication.run(DoseLedgerApplication.class, withDemoFlag(args));
    }

    /** {@code --demo} loads a small practice into an empty ledger (see DemoLoader). */
    static String[] withDemoFlag(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--ledger.demo=true" : arg)
                .toArray(String[]::new);
    }

    private static int verify(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .properties("server.port=0", "ledger.integrity.sealing=false", "ledger.overdue-sweep-interval=1d")
                .run(args);
        VerificationReport report = context.getBean(LedgerVerification.class).verifyAndRecord();
        System.out.println(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report));
        int code = report.ok() ? 0 : 1;
        return SpringApplication.exit(context, () -> code);
    }
}
