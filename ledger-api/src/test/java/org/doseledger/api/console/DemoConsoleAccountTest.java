package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.doseledger.api.generator.DemoLoader;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code --demo} hands out a console account that signs in, with the code from {@code totp <file>}. */
@TestPropertySource(properties = "ledger.demo=true")
class DemoConsoleAccountTest extends EndToEndTest {

    @Test
    void theDemoAccountFileSignsInWithTheCodeTheTotpCommandPrints() throws Exception {
        Path file = properties.dataDir().resolve("demo-console-account");
        Map<String, String> account = Files.readAllLines(file).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
        assertThat(account.get("username")).isEqualTo(DemoLoader.DEMO_OFFICER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ConsoleCodeCommand.run(
                new String[] {file.toString()},
                Clock.fixed(Instant.now(), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String code = out.toString(StandardCharsets.UTF_8).strip();

        // the demo account signs in in more than one test of this context: its code of this step may be spent
        jdbc.update("update console_account set last_totp_step = 0 where username = ?", DemoLoader.DEMO_OFFICER);
        ConsoleClient browser = new ConsoleClient(port);
        ConsoleClient.Page signedIn = browser.signIn(account.get("username"), account.get("password"), code);

        assertThat(exit).isZero();
        assertThat(code).matches("[0-9]{6}");
        assertThat(signedIn.location()).endsWith("/console");
        assertThat(browser.get("/console").location()).endsWith("/console/practices/demo-1");
        assertThat(browser.get("/console/practices/demo-1").body()).contains("Needs attention");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theTotpCommandRefusesWhatIsNotASecret() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(ConsoleCodeCommand.run(new String[] {}, Clock.systemUTC(), System.out, errors))
                .isEqualTo(2);
        assertThat(ConsoleCodeCommand.run(new String[] {"not a secret!"}, Clock.systemUTC(), System.out, errors))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage").contains("neither an account file");
    }
}
