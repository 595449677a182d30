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
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

    static Options parse(String[] args, Instant now) {
        Long seed = null;
        Integer practices = null;
        Integer clients = null;
        Integer months = null;
        int practitioners = 4;
        Integer sessionsPerWeek = null;
        String prefix = null;
        String mode = "in-process";
        int chunk = InProcessEmitter.DEFAULT_CHUNK;
        boolean serve = false;
        URI url = null;
        Path adminKeyFile = Path.of("data", "initial-admin-key");
        List<String> serviceArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--seed" -> seed = value(args, ++i, arg, Long::parseLong);
                case "--practices" -> practices = value(args, ++i, arg, Integer::parseInt);
                case "--clients" -> clients = value(args, ++i, arg, Integer::parseInt);
                case "--months" -> months = value(args, ++i, arg, Integer::parseInt);
                case "--practitioners" -> practitioners = value(args, ++i, arg, Integer::parseInt);
                case "--sessions-per-week" -> sessionsPerWeek = value(args, ++i, arg, Integer::parseInt);
                case "--prefix" -> prefix = value(args, ++i, arg, Function.identity());
                case "--mode" -> mode = value(args, ++i, arg, Function.identity());
                case "--chunk" -> chunk = value(args, ++i, arg, Integer::parseInt);
                case "--serve" -> serve = true;
                case "--url" -> url = value(args, ++i, arg, URI::create);
                case "--admin-key-file" -> adminKeyFile = value(args, ++i, arg, Path::of);
                default -> {
                    if (!arg.startsWith("--") || !arg.contains("=")) {
                        throw new IllegalArgumentException("unknown argument: " + arg);
                    }
                    serviceArgs.add(arg);
                }
            }
        }
        if (seed == null || practices == null || clients == null || months == null) {
            throw new IllegalArgumentException("--seed, --practices, --clients and --months are needed");
        }
        if (!mode.equals("in-process") && !mode.equals("rest")) {
            throw new IllegalArgumentException("--mode is in-process or rest, not " + mode);
        }
        if (mode.equals("rest") && (url == null || serve || !serviceArgs.isEmpty())) {
            throw new IllegalArgumentException(
                    "the rest mode writes to a running service: it needs --url and takes no --serve or service settings");
        }
        if (mode.equals("in-process") && url != null) {
            throw new IllegalArgumentException("--url is for --mode rest");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("--chunk must be at least 1");
        }
        // the history ends a minute ago: facts may not occur after the ledger records them
        Instant end = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        GeneratorSettings settings = new GeneratorSettings(
                seed,
                prefix != null ? prefix : "gen" + seed,
                practices,
                practitioners,
                clients,
                months,
                sessionsPerWeek != null ? sessionsPerWeek : clients,
                0.75,
                0.05,
                0.05,
                0.15,
                end);
        return new Options(settings, mode, chunk, serve, url, adminKeyFile, List.copyOf(serviceArgs));
    }

    private static <T> T value(String[] args, int index, String name, Function<String, T> parse) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        try {
            return parse.apply(args[index]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a valid value: " + args[index]);
        }
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
