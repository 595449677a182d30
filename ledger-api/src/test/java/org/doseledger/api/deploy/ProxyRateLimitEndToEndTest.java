package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Compose proxy's rate limit, which counts a credential's requests across the replicas (each replica's
 * own limit counts only what it receives): deploy/compose/nginx/nginx.conf run by the nginx on this machine
 * in front of the service, its TLS listener made plain and its upstream pointed at the test's service. A
 * burst of one credential's requests beyond the limit is answered 429 as the service would answer it (an
 * RFC 9457 problem, RATE_LIMITED, Retry-After), and another credential is not held back. Skipped where nginx
 * is not installed (CI installs it).
 */
class ProxyRateLimitEndToEndTest extends EndToEndTest {

    private static final Path CONFIG = DeployFiles.deploy("compose/nginx/nginx.conf");

    private Process nginx;

    @AfterEach
    void stopTheProxy() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    @Test
    void aCredentialsBurstBeyondTheLimitIsRefusedAsAProblemAndAnotherCredentialIsNot() throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(binary), "nginx is not installed (Debian: nginx-light)");
        int proxyPort = freePort();
        Path dir = Files.createTempDirectory("nginx-run");
        Files.writeString(
                dir.resolve("nginx.conf"), runnableHere(Files.readString(CONFIG), dir, proxyPort, freePort()));
        nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-e",
                        dir.resolve("error.log").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .failFast("nginx exited; see " + dir, () -> !nginx.isAlive())
                .until(() -> listening(proxyPort));
        String practice = newPractice();
        String busy = issueKey("COMPLIANCE_OFFICER", practice);
        String other = issueKey("COMPLIANCE_OFFICER", practice);
        HttpClient client = HttpClient.newBuilder().build();
        URI uri = URI.create("http://127.0.0.1:" + proxyPort + "/api/practices/" + practice);

        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                sent.add(threads.submit(() -> client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + busy)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        HttpResponse<String> unaffected = client.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + other)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        List<HttpResponse<String>> refused =
                answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200))
                .as("the burst allowance goes through")
                .hasSizeGreaterThanOrEqualTo(200);
        assertThat(refused).as("beyond it, refused").isNotEmpty();
        HttpResponse<String> one = refused.get(0);
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(one.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = new ObjectMapper().readTree(one.body());
        assertThat(problem.get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(unaffected.statusCode())
                .as("another credential is not held back")
                .isEqualTo(200);
    }

    /**
     * The shipped configuration, runnable here: its upstream is the test's service, its TLS listener plain
     * (this nginx has no certificate and may predate `http2 on`), its paths in a directory of its own.
     */
    private String runnableHere(String config, Path dir, int proxyPort, int redirectPort) {
        String upstream = config.substring(config.indexOf("upstream dose_ledger {"));
        upstream = upstream.substring(0, upstream.indexOf('}') + 1);
        return config.replace(
                        upstream,
                        "upstream dose_ledger {\n        server 127.0.0.1:" + port + ";\n        keepalive 16;\n    }")
                .replace("pid /tmp/nginx.pid;", "pid " + dir.resolve("nginx.pid") + ";")
                .replace(
                        "client_body_temp_path /tmp/client_body;", "client_body_temp_path " + dir.resolve("body") + ";")
                .replace("proxy_temp_path /tmp/proxy;", "proxy_temp_path " + dir.resolve("upstream") + ";")
                .replace("listen 8080;", "listen 127.0.0.1:" + redirectPort + ";")
                .replace("listen 8443 ssl;", "listen 127.0.0.1:" + proxyPort + ";")
                .replace("http {", "http {\n    access_log off;")
                .lines()
                .filter(line ->
                        !line.trim().startsWith("http2 ") && !line.trim().startsWith("ssl_"))
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
