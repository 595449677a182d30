package org.doseledger.api.witness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.integrity.tlog.VerifierKey;
import org.doseledger.core.integrity.witness.Witness;
import org.doseledger.core.integrity.witness.WitnessKeyFile;
import org.doseledger.core.integrity.witness.WitnessState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar dose-ledger.jar witness --key <file> --state <directory> --log <origin>=<vkey> ...
 * [--listen <host>:<port>] [--name <witness name>]}: runs a witness ({@link WitnessServer}) for the given
 * logs until the process is stopped. A regulator or a practice's auditor runs it on a machine of their own
 * and gives the printed vkey to the ledger, which then asks it to cosign every checkpoint it signs.
 *
 * <p>The key file is made (0600, directory 0700) if it does not exist, which needs {@code --name}; its
 * verifier key is printed first, on a line {@code witness vkey: <vkey>}, then {@code witness listening on
 * <url> ...} once requests are served. Exit codes: 0 stopped, 1 could not start (key, state, address), 2
 * wrong command line.
 */
public final class WitnessCommand {

    static final String USAGE = """
            usage: witness --key <key file> --state <directory> --log <origin>=<log vkey> [--log ...]
                           [--listen <host>:<port> (127.0.0.1:8091)] [--name <witness name> (to make a new key)]""";

    static final String DEFAULT_LISTEN = "127.0.0.1:8091";

    /** The parsed command line. */
    record Options(InetSocketAddress listen, Path keyFile, String name, Map<String, VerifierKey> logs, Path state) {}

    private WitnessCommand() {}

    /** Runs the witness in this JVM until it is stopped; exits with the code of {@link #run(String[])}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the witness and blocks until the process is stopped (its shutdown closes the server first).
     *
     * @return 1 if it could not start, 2 for a wrong command line, 0 if the wait was interrupted
     */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("witness: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        oneLineLogs();
        WitnessState state = null;
        WitnessServer server;
        try {
            WitnessKeyFile.Loaded key = WitnessKeyFile.loadOrCreate(options.keyFile(), options.name());
            if (key.created()) {
                err.println("witness: made a new key in " + options.keyFile() + " (owner-only); keep it secret and"
                        + " backed up with the state directory");
            } else if (WitnessKeyFile.readableByOthers(options.keyFile())) {
                err.println("witness: warning: " + options.keyFile()
                        + " can be read by others than its owner; chmod 600 it");
            }
            out.println("witness vkey: " + key.key().verifierKey().encoded());
            out.flush();
            state = WitnessState.open(options.state());
            Witness witness = new Witness(key.key(), options.logs(), state, Clock.systemUTC());
            server = WitnessServer.start(options.listen(), witness);
        } catch (BindException e) {
            err.println("witness: cannot listen on " + options.listen() + ": " + e.getMessage());
            closeQuietly(state);
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("witness: cannot start: " + e.getMessage());
            closeQuietly(state);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        WitnessState openState = state;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            closeQuietly(openState);
                            stopped.countDown();
                        },
                        "witness-shutdown"));
        out.println("witness listening on " + server.uri() + WitnessServer.ADD_CHECKPOINT_PATH + " for "
                + String.join(", ", server.witness().origins()) + "; state in " + state.directory());
        out.flush();
        try {
            stopped.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The command line as picocli reads it; {@link #parse} checks what the values mean. */
    @Command(name = "witness")
    static final class Arguments {

        @Option(names = "--listen")
        String listen = DEFAULT_LISTEN;

        @Option(names = "--key")
        Path keyFile;

        @Option(names = "--name")
        String name;

        @Option(names = "--state")
        Path state;

        @Option(names = "--log")
        List<String> logs = new ArrayList<>();
    }

    static Options parse(String[] args) {
        Arguments a = new Arguments();
        try {
            new CommandLine(a).setExpandAtFiles(false).parseArgs(args);
        } catch (UnmatchedArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown argument: " + e.getUnmatched().get(0), e);
        } catch (MissingParameterException e) {
            throw new IllegalArgumentException(
                    e.getMissing().stream()
                                    .map(spec -> spec instanceof OptionSpec option ? option.longestName() : "")
                                    .findFirst()
                                    .orElse("an option")
                            + " needs a value",
                    e);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, VerifierKey> logs = new LinkedHashMap<>();
        a.logs.forEach(log -> addLog(logs, log));
        if (a.keyFile == null || a.state == null || logs.isEmpty()) {
            throw new IllegalArgumentException("--key, --state and at least one --log are needed");
        }
        if (a.name != null
                && (a.name.isEmpty() || a.name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c)))) {
            throw new IllegalArgumentException("--name must be non-empty, without spaces or '+': " + a.name);
        }
        return new Options(address(a.listen), a.keyFile, a.name, Map.copyOf(logs), a.state);
    }

    /** {@code host:port}, or {@code [v6 address]:port}. */
    static InetSocketAddress address(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new IllegalArgumentException("--listen is <host>:<port>, e.g. " + DEFAULT_LISTEN + ": " + listen);
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of --listen is a number: " + listen);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port of --listen is 0 to 65535: " + listen);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("the host of --listen is unknown: " + host);
        }
        return address;
    }

    /** {@code <origin>=<vkey>}; the origin ends at the first '=' (a vkey may end in base64 padding). */
    private static void addLog(Map<String, VerifierKey> logs, String value) {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new IllegalArgumentException("--log is <origin>=<log vkey>: " + value);
        }
        String origin = value.substring(0, equals);
        VerifierKey key;
        try {
            key = VerifierKey.parse(value.substring(equals + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the vkey of --log " + origin + " is not valid: " + e.getMessage());
        }
        if (key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("the vkey of --log " + origin + " is a " + key.type()
                    + " key; a log signs with Ed25519 (type 0x01)");
        }
        if (logs.putIfAbsent(origin, key) != null) {
            throw new IllegalArgumentException("--log " + origin + " is given twice");
        }
    }

    /**
     * Log records on one line each (JDK logging's default takes two), unless the operator set a format: the
     * witness logs through {@link System.Logger}, which is JDK logging when no framework is started.
     */
    private static void oneLineLogs() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %5$s%6$s%n");
        }
    }

    private static void closeQuietly(WitnessState state) {
        if (state == null) {
            return;
        }
        try {
            state.close();
        } catch (IOException e) {
            // the lock goes with the process in any case
        }
    }
}
