package org.doseledger.api.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.doseledger.api.console.ConsoleAccountRegistration.CreatedConsoleAccount;

/**
 * {@code java -jar dose-ledger.jar totp <account file or Base32 secret>}: prints the current sign-in code of a
 * console account, as an authenticator app would show it. Meant for the {@code --demo} account, whose file
 * the demo writes; anyone holding a secret can do the same with any authenticator.
 */
public final class ConsoleCodeCommand {

    static final String SECRET_LINE = "totp-secret=";

    private ConsoleCodeCommand() {}

    /** The file the demo writes for its account (0600): the lines a person needs to sign in. */
    public static String accountFile(CreatedConsoleAccount account) {
        return "# Dose Ledger console account (--demo); sign in at / with these\n"
                + "username=" + account.username() + "\n"
                + "password=" + account.initialPassword() + "\n"
                + SECRET_LINE + account.totpSecret() + "\n"
                + "otpauth-uri=" + account.otpauthUri() + "\n";
    }

    public static int run(String[] args) {
        return run(args, Clock.systemUTC(), System.out, System.err);
    }

    static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar dose-ledger.jar totp <account file | Base32 TOTP secret>");
            return 2;
        }
        Optional<String> secret;
        try {
            secret = secret(args[0]);
        } catch (IOException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        if (secret.isEmpty()) {
            err.println(args[0] + " is neither an account file with a '" + SECRET_LINE + "' line nor a Base32 secret");
            return 2;
        }
        out.println(Totp.code(Totp.fromBase32(secret.get()), clock.instant()));
        return 0;
    }

    private static Optional<String> secret(String argument) throws IOException {
        Path file = Path.of(argument);
        if (Files.isRegularFile(file)) {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(SECRET_LINE))
                    .map(line -> line.substring(SECRET_LINE.length()).strip())
                    .findFirst();
        }
        return argument.matches("[A-Za-z2-7 =]{16,}") ? Optional.of(argument) : Optional.empty();
    }
}
