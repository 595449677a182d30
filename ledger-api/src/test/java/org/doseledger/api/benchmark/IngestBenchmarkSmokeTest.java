package org.doseledger.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.doseledger.api.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest benchmark runs and reports on a few writes; its numbers mean nothing here. */
class IngestBenchmarkSmokeTest {

    @Test
    void theBenchmarkWritesOverRestAndJdbcAtEachConcurrencyAndReports(@TempDir Path workDir) throws Exception {
        Path reports = workDir.resolve("gatling");
        IngestBenchmark.Result result = IngestBenchmark.run(
                TestPostgres.newDatabase(), new IngestBenchmark.Settings(List.of(1, 2), 10, 5, 5), workDir, reports);

        assertThat(result.rowBytes()).isPositive();
        // Gatling's runs reset logback in this JVM; the service's own logging settings hold again after each
        assertThat(result.serviceDebugLogging()).isFalse();
        assertThat(result.runs()).extracting(IngestBenchmark.Run::clients).containsExactly(1, 1, 1, 2, 2, 2, 2);
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.events()).isEqualTo(run.clients() * 10L);
            // a batch of 5 is one request
            assertThat(run.latency().count())
                    .isEqualTo(run.clients() * (run.what().contains("batches") ? 2 : 10));
        });
        assertThat(result.text())
                .contains("| REST | 2 | 20 |", "| REST, batches of 5 | 2 | 20 |", "REST / JDBC", "half of the peak");
        // Gatling drove every REST run: two warm-ups and five measured runs, each with its log and report
        try (Stream<Path> files = Files.walk(reports)) {
            assertThat(files.filter(file -> file.endsWith("simulation.log") || file.endsWith("index.html")))
                    .hasSize(14);
        }
    }

    @Test
    void aFailedRequestFailsTheRunInsteadOfBeingAveragedIn(@TempDir Path reports) throws Exception {
        // answers like the service, but a registration without its event
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            IngestBenchmark.GatlingDriver driver = new IngestBenchmark.GatlingDriver(
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    List.of(new IngestSimulation.Writer("p-1", "key")),
                    reports,
                    () -> {});

            assertThatThrownBy(() -> driver.run("REST", 1, 3, 1, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("0 of 3 requests OK, 3 KO");
        } finally {
            server.stop(0);
        }
    }
}
