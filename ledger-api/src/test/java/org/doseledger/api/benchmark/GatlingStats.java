package org.doseledger.api.benchmark;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader$;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration$;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * All requests of one Gatling run, read back from its {@code simulation.log} with the reader that Gatling's own
 * report uses: the OK and KO counts, the KO messages, and the response times of all requests in whole
 * milliseconds (Gatling's resolution). That reader is not a public API: a Gatling upgrade may need a change here.
 */
record GatlingStats(long ok, long ko, List<String> errors, Latencies latency) {

    static GatlingStats read(Path results) throws IOException {
        List<Path> runs;
        try (Stream<Path> directories = Files.list(results)) {
            runs = directories
                    .filter(directory -> Files.exists(directory.resolve("simulation.log")))
                    .toList();
        }
        if (runs.size() != 1) {
            throw new IllegalStateException("expected the simulation.log of one run in " + results + ", found " + runs);
        }
        LogFileData data = LogFileReader$.MODULE$
                .apply(runs.get(0).getFileName().toString(), results, GatlingConfiguration$.MODULE$.load())
                .read();
        GeneralStats all = all(data, Option.empty());
        return new GatlingStats(
                all(data, Option.apply(OK$.MODULE$)).count(),
                all(data, Option.apply(KO$.MODULE$)).count(),
                CollectionConverters.asJava(data.errors(Option.empty(), Option.empty())).stream()
                        .map(error -> error.count() + " x " + error.message())
                        .collect(Collectors.toList()),
                new Latencies(
                        (int) all.count(), percentile(all, 50), percentile(all, 95), percentile(all, 99), all.max()));
    }

    private static GeneralStats all(LogFileData data, Option<Status> status) {
        Option<GeneralStats> stats = data.requestGeneralStats(Option.empty(), Option.empty(), status);
        return stats.isDefined() ? stats.get() : new GeneralStats(0, 0, 0, 0, 0, rank -> 0, 0);
    }

    private static double percentile(GeneralStats stats, double rank) {
        return ((Number) stats.percentile().apply(rank)).doubleValue();
    }
}
