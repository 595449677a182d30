package org.doseledger.api.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar dose-ledger.jar generate --seed 42 --practices 1 --clients 50 --months 3 [--mode
 * in-process|rest] ...}: writes a generated history and prints facts, events, seconds and events/s. The
 * in-process mode starts the service on its configured database, writes through {@link InProcessEmitter}
 * and exits (or keeps serving with {@code --serve}); the rest mode writes to a running service with
 * {@link RestEmitter}. Arguments it does not know ({@code --ledger.data-dir=...}) go to the service.
 */
public final class GenerateCommand {

    static final String USAGE = """
            usage: generate --seed N --practices N --clients N --months N
                            [--practitioners N (4)] [--sessions-per-week N (clients)] [--prefix P (gen<seed>)]
                            [--mode in-process|rest (in-process)] [--chunk N (100, in-process)] [--serve (in-process)]
                            [--url http://host:port --admin-key-file path (rest; ./data/initial-admin-key)]
                            [--spring.or.ledger.setting=value ... (in-process)]""";

    /** The parsed command line. */
    record Options(
            GeneratorSettings settings,
            String mode,
            int chunk,
            boolean serve,
            URI url,
            Path adminKeyFile,
            List<String> serviceArgs) {}

    private GenerateCommand() {}

    /** What {@link #run} answers when the service keeps serving ({@code --serve}): not an exit code. */
    public static final int SERVING = -1;

    /**
     * Runs the command; the exit code: 0 written, 1 refused or failed, 2 a wrong command line, or
     * {@link #SERVING}.
     */
    public static int run(Class<?> application, String[] args) {
        Options options;
        try {
            options = parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return options.mode().equals("rest") ? overRest(options, System.out) : inProcess(application, options);
        } catch (GeneratorException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** The command line as picocli reads it; {@link #parse} checks what the options mean together. */
    @Command(name = "generate", mixinStandardHelpOptions = false)
    static final class Arguments {

        @Option(names = "--seed", required = true)
        long seed;

        @Option(names = "--practices", required = true)
        int practices;

        @Option(names = "--clients", required = true)
        int clients;

        @Option(names = "--months", required = true)
        int months;

        @Option(names = "--practitioners")
        int practitioners = 4;

        @Option(names = "--sessions-per-week")
        Integer sessionsPerWeek;

        @Option(names = "--prefix")
        String prefix;

        @Option(names = "--mode")
        String mode = "in-process";

        @Option(names = "--chunk")
        int chunk = InProcessEmitter.DEFAULT_CHUNK;

        @Option(names = "--serve")
        boolean serve;

        @Option(names = "--url")
        URI url;

        @Option(names = "--admin-key-file")
        Path adminKeyFile = Path.of("data", "initial-admin-key");

        /** Settings for the service, {@code --name=value}; anything else is a mistake. */
        @Unmatched
        List<String> serviceArgs = new ArrayList<>();
    }

    static Options parse(String[] args, Instant now) {
        Arguments a = new Arguments();
        try {
            new CommandLine(a).setExpandAtFiles(false).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (String arg : a.serviceArgs) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (!a.mode.equals("in-process") && !a.mode.equals("rest")) {
            throw new IllegalArgumentException("--mode is in-process or rest, not " + a.mode);
        }
        if (a.mode.equals("rest") && (a.url == null || a.serve || !a.serviceArgs.isEmpty())) {
            throw new IllegalArgumentException(
                    "the rest mode writes to a running service: it needs --url and takes no --serve or service settings");
        }
        if (a.mode.equals("in-process") && a.url != null) {
            throw new IllegalArgumentException("--url is for --mode rest");
        }
        if (a.chunk < 1) {
            throw new IllegalArgumentException("--chunk must be at least 1");
        }
        // the history ends a minute ago: facts may not occur after the ledger records them
        Instant end = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        GeneratorSettings settings = new GeneratorSettings(
                a.seed,
                a.prefix != null ? a.prefix : "gen" + a.seed,
                a.practices,
                a.practitioners,
                a.clients,
                a.months,
                a.sessionsPerWeek != null ? a.sessionsPerWeek : a.clients,
                0.75,
                0.05,
                0.05,
                0.15,
                end);
        return new Options(settings, a.mode, a.chunk, a.serve, a.url, a.adminKeyFile, List.copyOf(a.serviceArgs));
    }

    private static int overRest(Options options, PrintStream out) {
        String adminKey;
        try {
            adminKey = Files.readString(options.adminKeyFile()).trim();
        } catch (IOException e) {
            System.err.println("cannot read the ADMIN key in " + options.adminKeyFile() + ": " + e.getMessage());
            return 2;
        }
        EmitResult result = new RestEmitter(options.url(), adminKey, runPrefix(options), mapper())
                .emit(new PracticeHistory(options.settings()).facts());
        report("rest", options, result, out);
        return 0;
    }

    private static int inProcess(Class<?> application, Options options) {
        List<String> properties = new ArrayList<>(List.of("ledger.rate-limit.enabled=false"));
        if (!options.serve()) {
            properties.add("server.port=0");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties(properties.toArray(String[]::new))
                .run(options.serviceArgs().toArray(String[]::new));
        int code = 1;
        try {
            EmitResult result = new InProcessEmitter(context, runPrefix(options), options.chunk())
                    .emit(new PracticeHistory(options.settings()).facts());
            report("in-process", options, result, System.out);
            code = 0;
        } finally {
            if (!options.serve() || code != 0) {
                int exit = code;
                SpringApplication.exit(context, () -> exit);
            }
        }
        return options.serve() ? SERVING : code;
    }

    private static String runPrefix(Options options) {
        return options.settings().practiceIdPrefix() + "-"
                + options.settings().end().getEpochSecond();
    }

    private static void report(String mode, Options options, EmitResult result, PrintStream out) {
        GeneratorSettings settings = options.settings();
        out.printf(
                "generate (%s): seed %d, %d practice(s) '%s-1'.., %d clients, %d months%n"
                        + "facts %d%nevents %d%nseconds %.1f%nevents/s %.0f%nledger position %d%n",
                mode,
                settings.seed(),
                settings.practices(),
                settings.practiceIdPrefix(),
                settings.clients(),
                settings.months(),
                result.facts(),
                result.events(),
                result.took().toMillis() / 1000.0,
                result.eventsPerSecond(),
                result.lastPosition());
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
