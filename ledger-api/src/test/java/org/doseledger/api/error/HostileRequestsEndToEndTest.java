package org.doseledger.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests that practice software sends by mistake or an attacker on purpose: numbers that would cost
 * seconds of CPU or cannot be written back, values of one JSON type where another is required, content
 * after the body, bodies in another encoding, implausible dates and product figures, bytes in headers
 * and paths that the servlet container or the firewall refuses. Each is a 4xx problem document, costs
 * no more than a normal request, and writes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCT = """
            {"ndc":"%s","name":"Ketamine HCl 50 mg/mL","substance":"KETAMINE","dosageForm":"INJECTABLE_SOLUTION",
             "finishedForm":"ketamine HCl injection 50 mg/mL","unit":%s,"milligramsPerUnit":%s,"containerSize":%s}
            """;

    private static StockFixture stock;

    @BeforeEach
    void aPracticeWithStock() {
        if (stock == null) {
            String practice = newPractice();
            String writer = issueKey("PRACTICE_WRITER", practice);
            stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
            StockFixture.created(stock.receive("safe-1", "H1", 2, "2030-01-31"));
        }
    }

    static Stream<Arguments> hostileBodies() {
        String now = StockFixture.now();
        String lot = "/stock/lots/safe-1/" + StockFixture.NDC + "/H1";
        String newLot = "/stock/lots/safe-1/" + StockFixture.NDC + "/H9";
        return Stream.of(
                // numbers bounded while they are parsed
                Arguments.of("huge exponent", lot + "/draws", draw("1e99999999", now)),
                Arguments.of("tiny exponent", lot + "/draws", draw("1e-999999999", now)),
                Arguments.of("tiny exponent as text", lot + "/draws", draw("\"1e-999999999\"", now)),
                Arguments.of("mg per unit 1e309", "/products", product("\"ML\"", "1e309", "10")),
                Arguments.of("mg per unit 1e-400", "/products", product("\"ML\"", "1e-400", "10")),
                Arguments.of("container of 1e20", "/products", product("\"ML\"", "50", "1e20")),
                // no coercion between JSON types
                Arguments.of("kind as a number", "/locations", location("0", "false")),
                Arguments.of("unit as a number", "/products", product("0", "50", "10")),
                Arguments.of("boolean as -1", "/locations", location("\"SAFE\"", "-1")),
                Arguments.of("boolean as 0", "/locations", location("\"SAFE\"", "0")),
                Arguments.of("instant as epoch text", lot + "/draws", draw("\"0.5\"", "1765036940")),
                Arguments.of("date with a time", "/clients", client("1985-12-10T10:00:00", now)),
                Arguments.of("content after the body", "/clients", client("1985-12-10", now) + "xyz"),
                Arguments.of("a second body", "/clients", client("1985-12-10", now) + "{}"),
                // plausible dates and figures
                Arguments.of("born in year 0", "/clients", client("0000-01-01", now)),
                Arguments.of("born in year -1", "/clients", client("-0001-01-01", now)),
                Arguments.of("lot expiring in 9999", newLot + "/receipts", receipt("9999-12-31", now)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aHostileBodyIsA400ProblemAndWritesNothing(String name, String path, String body) {
        long events = eventRows();
        long started = System.nanoTime();

        Http.Response response = stock.post(path, body);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void eightHugeExponentsAtOnceCostMillisecondsAndStallNothing() throws Exception {
        String path = "/stock/lots/safe-1/" + StockFixture.NDC + "/H1/draws";
        long started = System.nanoTime();
        Stream.of(1, 2, 3, 4, 5, 6, 7, 8)
                .parallel()
                .map(i -> stock.post(path, draw("1e-999999999", StockFixture.now())))
                .forEach(response -> assertThat(response.status()).isEqualTo(400));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }

    @Test
    void aUtf16BodyIsMalformed() {
        long events = eventRows();
        String body = Bodies.client(unique("client"), StockFixture.now());
        Raw response = raw(
                "POST", "/api/practices/" + stock.practice + "/clients", body.getBytes(StandardCharsets.UTF_16), "");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(eventRows()).isEqualTo(events);
    }

    @Test
    void aClientErrorLogsOneLineNotAStackTrace(CapturedOutput output) {
        int before = output.getAll().length();

        Http.Response response = stock.post(
                "/sessions/" + unique("no-such-session") + "/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-1\",\"startedAt\":\"" + StockFixture.now() + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        String logged = output.getAll().substring(before);
        assertThat(logged).as(logged).doesNotContain("\tat ");
        assertThat(logged.lines().count()).as(logged).isLessThanOrEqualTo(2);
    }

    @Test
    void theTimeZoneUtcIsAValidTimeZone() {
        String practice = unique("utc");
        Http.Response response = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(practice).replace("America/Chicago", "UTC"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    static Stream<Arguments> hostileHeadersAndPaths() {
        String clients = "/api/practices/%s/clients";
        return Stream.of(
                Arguments.of("non-ASCII Idempotency-Key", clients, "Idempotency-Key: k\u00e9y\r\n"),
                Arguments.of(
                        "non-ASCII practitioner", clients, "Idempotency-Key: k1\r\nX-Practitioner-Id: rn\u00e9\r\n"),
                Arguments.of("control character in a header", clients, "Idempotency-Key: k\u0001y\r\n"),
                Arguments.of("encoded slash", "/api/practices/%s%%2Fx/clients", "Idempotency-Key: k2\r\n"),
                Arguments.of("encoded backslash", "/api/practices/%s%%5Cx/clients", "Idempotency-Key: k3\r\n"),
                Arguments.of("encoded NUL", "/api/practices/%s%%00x/clients", "Idempotency-Key: k4\r\n"),
                Arguments.of(
                        "10,000-character segment",
                        "/api/practices/%s/clients/" + "c".repeat(10_000) + "/consents",
                        "Idempotency-Key: k5\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHeadersAndPaths")
    void aHostileHeaderOrPathIsA4xxProblemDocument(String name, String path, String headers) {
        long events = eventRows();

        Raw response = raw(
                "POST",
                path.formatted(stock.practice),
                Bodies.client(unique("client"), StockFixture.now()).getBytes(StandardCharsets.UTF_8),
                headers);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isNotBlank();
        assertThat(eventRows()).isEqualTo(events);
    }

    /** Sends bytes exactly as given (headers in ISO-8859-1, as HTTP/1.1 frames them), over a plain socket. */
    private Raw raw(String method, String path, byte[] body, String headers) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + stock.writer + "\r\nContent-Type: application/json\r\n"
                    + (headers.contains("Idempotency-Key") ? "" : "Idempotency-Key: " + unique("idem") + "\r\n")
                    + headers + "Content-Length: " + body.length + "\r\n\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (java.net.SocketException answeredEarly) {
                // the server refused the request line or headers, answered and closed before the body was
                // sent: its answer is still there to read
            }
            return RawResponse.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String draw(String amount, String occurredAt) {
        return """
                {"quantity":{"amount":%s,"unit":"ML"},"clientId":"%s","sessionId":"stock-session","drawnBy":"rn-1",
                 "occurredAt":"%s"}
                """.formatted(amount, stock == null ? "c" : stock.client, occurredAt);
    }

    private static String product(String unit, String milligramsPerUnit, String containerSize) {
        return PRODUCT.formatted(
                "11111-" + (int) (Math.random() * 9000 + 1000) + "-11", unit, milligramsPerUnit, containerSize);
    }

    private static String location(String kind, String refrigerated) {
        return "{\"locationId\":\"" + unique("loc") + "\",\"name\":\"Cabinet\",\"kind\":" + kind + ",\"refrigerated\":"
                + refrigerated + "}";
    }

    private static String client(String dateOfBirth, String occurredAt) {
        return Bodies.client(unique("client"), occurredAt).replace("1985-12-10", dateOfBirth);
    }

    private static String receipt(String expiresOn, String occurredAt) {
        return """
                {"expiresOn":"%s","containers":1,"invoiceNumber":"INV-H",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(expiresOn, occurredAt);
    }

    /** An HTTP/1.1 response read from a socket (the test closes the connection after one). */
    private static final class RawResponse {

        static Raw read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = "";
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Raw(status, contentType, chunked ? dechunk(body) : body);
        }

        private static String dechunk(String body) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int end = body.indexOf("\r\n", at);
                if (end < 0) {
                    break;
                }
                int size = Integer.parseInt(body.substring(at, end).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            return out.toString();
        }
    }

    /** A response read off the socket. */
    private record Raw(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
