package org.doseledger.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed and hostile requests to every write endpoint the OpenAPI document lists: none may get a 5xx,
 * none may write history. The endpoints and their fields come from the document, so a new endpoint is
 * attacked as soon as it is published.
 *
 * <p>A mutation that the document itself declares invalid (a wrong type, a missing required field, a
 * value outside its pattern, enum, length or range, a malformed date) must be a 400 problem. A mutation
 * the document allows, such as a script tag in a free-text note or an id of another practice in an id
 * field, may be accepted: the ledger records free text as written and shows it escaped; ids are scoped to
 * the practice in the URL. Such a case passes with 2xx (and may then append events) or 4xx, never 5xx.
 */
class HostileInputEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final String SQL = "'; drop table domain_event_entry; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final int TEN_MB = 10 * 1024 * 1024;

    private final HttpClient client = HttpClient.newHttpClient();

    private JsonNode document;
    private Map<String, String> keys;
    private Map<String, String> pathValues;
    private String otherPractice;
    private String otherClient;

    @Test
    void everyPublishedFreeTextFieldHasAMaximumLength() {
        JsonNode schemas = apiDocs().path("components").path("schemas");
        List<String> unbounded = new ArrayList<>();
        schemas.fields()
                .forEachRemaining(schema -> schema.getValue()
                        .path("properties")
                        .fields()
                        .forEachRemaining(property -> {
                            JsonNode field = property.getValue();
                            JsonNode items = field.path("items");
                            for (JsonNode candidate : List.of(field, items)) {
                                if ("string".equals(candidate.path("type").asText())
                                        && !candidate.has("enum")
                                        && !candidate.has("format")
                                        && !candidate.has("maxLength")
                                        && !candidate.has("pattern")
                                        && isRequestSchema(schema.getKey())) {
                                    unbounded.add(schema.getKey() + "." + property.getKey());
                                }
                            }
                        }));
        assertThat(unbounded).as("request text fields without maxLength").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRejectsHostileInput() {
        document = apiDocs();
        prepareRecords();
        List<DynamicNode> endpoints = new ArrayList<>();
        new TreeMap<>(toMap(document.path("paths"))).forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.fields().forEachRemaining(operation -> {
                if (WRITE_METHODS.contains(operation.getKey())) {
                    Endpoint endpoint = new Endpoint(operation.getKey().toUpperCase(), path, operation.getValue());
                    endpoints.add(DynamicContainer.dynamicContainer(endpoint.toString(), endpoint.cases()));
                }
            });
        });
        assertThat(endpoints).as("write endpoints in the OpenAPI document").hasSizeGreaterThan(40);
        return endpoints.stream();
    }

    private static boolean isRequestSchema(String name) {
        return name.endsWith("Request") || name.endsWith("Body");
    }

    private JsonNode apiDocs() {
        Http.Response response = http.get("/v3/api-docs").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A practice with records the URLs can name, so that requests get past the lookups to validation. */
    private void prepareRecords() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "LOT-H1", 2, "2030-01-31"));
        String drawId = StockFixture.created(stock.draw("safe-1", "LOT-H1", "1.0", "rn-1"))
                .get("id")
                .asText();
        String throwaway = issueKey("REGULATOR", practice);
        otherPractice = newPractice();
        otherClient = newClient(otherPractice, issueKey("PRACTICE_WRITER", otherPractice));

        keys = Map.of(
                "PRACTICE_WRITER",
                writer,
                "COMPLIANCE_OFFICER",
                issueKey("COMPLIANCE_OFFICER", practice),
                "REGULATOR",
                issueKey("REGULATOR", practice),
                "ADMIN",
                adminKey);
        pathValues = Map.of(
                "practiceId",
                practice,
                "clientId",
                stock.client,
                "practitionerId",
                "rn-1",
                "locationId",
                "safe-1",
                "ndc",
                StockFixture.NDC,
                "lotNumber",
                "LOT-H1",
                "drawId",
                drawId,
                "keyId",
                throwaway.split("\\.")[1],
                "name",
                "stock-lots");
    }

    private final class Endpoint {

        private final String method;
        private final String template;
        private final JsonNode operation;
        private final String key;
        private final ObjectNode example;
        private final JsonNode schema;

        Endpoint(String method, String template, JsonNode operation) {
            this.method = method;
            this.template = template;
            this.operation = operation;
            this.key = keys.get(role(operation));
            JsonNode json = operation.path("requestBody").path("content").path("application/json");
            this.schema = json.isMissingNode() ? null : resolve(json.path("schema"));
            this.example = json.isMissingNode() ? null : example(method + " " + template, json);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }

        private String path(Map<String, String> overrides) {
            Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                String value = overrides.getOrDefault(name, pathValues.getOrDefault(name, "unknown-1"));
                variable.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
            }
            variable.appendTail(path);
            return path.toString();
        }

        Stream<DynamicNode> cases() {
            List<DynamicNode> cases = new ArrayList<>();
            cases.add(rejected("a 10 MB body with its length", 413, send(oversized(true))));
            if (example != null) {
                cases.add(rejected("a body over the limit in chunks", 413, send(oversized(false))));
            }
            for (String variable : variables()) {
                if (variable.equals("practiceId")) {
                    if (adminKey.equals(key)) {
                        continue;
                    }
                    cases.add(rejected(
                            "the practice of another tenant",
                            404,
                            send(request(Map.of("practiceId", otherPractice), json(example)))));
                    continue;
                }
                for (String hostile : List.of(SQL, SCRIPT, "x".repeat(65), "\u0000", "..")) {
                    HttpRequest.Builder request = request(Map.of(variable, hostile), json(example));
                    String label = variable + " = " + abbreviate(hostile);
                    cases.add(
                            hostile.contains("/") || hostile.contains("\u0000")
                                    ? refusedByContainer(label, send(request))
                                    : rejected(label, 0, send(request)));
                }
            }
            if (example == null) {
                return cases.stream();
            }
            cases.add(rejected("an empty body", 400, send(request(Map.of(), new byte[0]))));
            cases.add(rejected("the JSON literal null", 400, send(request(Map.of(), bytes("null")))));
            cases.add(rejected(
                    "an array instead of an object", 400, send(request(Map.of(), bytes("[" + example + "]")))));
            cases.add(rejected(
                    "a form instead of JSON",
                    415,
                    send(request(Map.of(), bytes("clientId=c-1"))
                            .setHeader("Content-Type", "application/x-www-form-urlencoded"))));
            cases.add(rejected(
                    "plain text instead of JSON",
                    415,
                    send(request(Map.of(), json(example)).setHeader("Content-Type", "text/plain"))));
            cases.add(rejected("duplicate keys", 400, send(request(Map.of(), bytes(duplicated(example))))));
            cases.add(rejected("invalid UTF-8", 400, send(request(Map.of(), invalidUtf8(example)))));
            cases.add(rejected(
                    "JSON nested 10,000 deep",
                    400,
                    send(request(Map.of(), bytes("[".repeat(10_000) + "]".repeat(10_000))))));
            cases.add(rejected(
                    "JSON nested 10,000 deep in a field",
                    400,
                    send(request(Map.of(), bytes(nestedInFirstField(example))))));
            fieldCases(example, schema, "", cases);
            return cases.stream();
        }

        private void fieldCases(ObjectNode body, JsonNode objectSchema, String prefix, List<DynamicNode> cases) {
            Set<String> required = new java.util.HashSet<>();
            objectSchema.path("required").forEach(name -> required.add(name.asText()));
            toMap(objectSchema.path("properties")).forEach((name, rawField) -> {
                JsonNode field = resolve(rawField);
                String label = prefix + name;
                String type = typeOf(field);
                if (required.contains(name)) {
                    cases.add(mutation(label + " missing", true, body, name, null, true));
                    cases.add(mutation(label + " null", true, body, name, JsonNodeFactory.instance.nullNode(), false));
                }
                for (JsonNode wrong : wrongTypes(type)) {
                    cases.add(mutation(label + " = " + abbreviate(wrong.toString()), true, body, name, wrong, false));
                }
                switch (type) {
                    case "integer", "number" -> {
                        for (String number :
                                List.of("1e309", "99999999999999999999999999999", "-1", "0", "0.5", "1e999999999")) {
                            JsonNode value = parse(number);
                            cases.add(mutation(
                                    label + " = " + number, !numberAllowed(field, number), body, name, value, false));
                        }
                        for (String text : List.of("NaN", "Infinity", "-Infinity")) {
                            cases.add(mutation(label + " = \"" + text + "\"", true, body, name, text(text), false));
                        }
                    }
                    case "string" -> stringCases(field, required.contains(name), label, body, name, cases);
                    case "object" -> {
                        if (body.get(name) instanceof ObjectNode nested) {
                            List<DynamicNode> inner = new ArrayList<>();
                            fieldCases(nested, field, label + ".", inner);
                            cases.addAll(inner);
                        }
                    }
                    case "array" -> {
                        JsonNode items = resolve(field.path("items"));
                        if ("string".equals(typeOf(items))) {
                            ArrayNode hostile = JsonNodeFactory.instance.arrayNode();
                            hostile.add("x".repeat(100_000));
                            cases.add(mutation(
                                    label + " with a 100,000-character item", true, body, name, hostile, false));
                        }
                    }
                    default -> {}
                }
            });
        }

        private void stringCases(
                JsonNode field, boolean required, String label, ObjectNode body, String name, List<DynamicNode> cases) {
            String format = field.path("format").asText();
            if (format.equals("date-time") || format.equals("date")) {
                boolean time = format.equals("date-time");
                for (String date : time
                        ? List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-13-45T00:00:00Z", "2026-13-45")
                        : List.of("0001-01-01", "9999-12-31", "2026-13-45", "2026-02-30")) {
                    boolean malformed =
                            date.contains("-13-") || date.endsWith("02-30") || (time && !date.endsWith("Z"));
                    cases.add(mutation(label + " = " + date, malformed, body, name, text(date), false));
                }
                return;
            }
            List<String> values = new ArrayList<>(List.of(SQL, SCRIPT, "x".repeat(100_000), "", "\u0000"));
            boolean idField = field.path("pattern").asText().startsWith("^(?:[A-Za-z0-9][A-Za-z0-9._-]");
            if (idField) {
                values.add(otherClient);
            }
            for (String value : values) {
                boolean invalid = value.isEmpty() ? required : !stringAllowed(field, value);
                cases.add(mutation(label + " = " + abbreviate(value), invalid, body, name, text(value), false));
            }
        }

        /** One case: the example with one field replaced (or removed), sent as a new write. */
        private DynamicTest mutation(
                String label, boolean invalid, ObjectNode body, String name, JsonNode value, boolean remove) {
            JsonNode original = body.get(name);
            if (remove) {
                body.remove(name);
            } else {
                body.set(name, value);
            }
            byte[] payload = json(example);
            if (original == null) {
                body.remove(name);
            } else {
                body.set(name, original);
            }
            HttpRequest.Builder request = request(Map.of(), payload);
            return invalid
                    ? rejected(label, 400, send(request))
                    : DynamicTest.dynamicTest(label + " (allowed by the contract)", () -> {
                        long[] before = history();
                        HttpResponse<String> response = send(request).call();
                        assertThat(response.statusCode())
                                .as(describe(label, response))
                                .isLessThan(500);
                        if (response.statusCode() >= 300) {
                            assertProblem(response, describe(label, response));
                            assertThat(history())
                                    .as("history after " + describe(label, response))
                                    .isEqualTo(before);
                        }
                    });
        }

        /**
         * An encoded '/' or NUL in a URL is refused by the servlet container before the application sees the
         * request, with its own 400 page rather than a problem document; it must still write nothing.
         */
        private DynamicTest refusedByContainer(String label, Call call) {
            return DynamicTest.dynamicTest(label + " (refused by the container)", () -> {
                long[] before = history();
                HttpResponse<String> response = call.call();
                assertThat(response.statusCode()).as(describe(label, response)).isEqualTo(400);
                assertThat(history())
                        .as("history after " + describe(label, response))
                        .isEqualTo(before);
            });
        }

        /** Must be a 4xx problem (exactly {@code status} unless 0) and must leave history as it was. */
        private DynamicTest rejected(String label, int status, Call call) {
            return DynamicTest.dynamicTest(label, () -> {
                long[] before = history();
                HttpResponse<String> response = call.call();
                if (status == 0) {
                    assertThat(response.statusCode())
                            .as(describe(label, response))
                            .isBetween(400, 499);
                } else {
                    assertThat(response.statusCode())
                            .as(describe(label, response))
                            .isEqualTo(status);
                }
                assertProblem(response, describe(label, response));
                assertThat(history())
                        .as("history after " + describe(label, response))
                        .isEqualTo(before);
            });
        }

        private String describe(String label, HttpResponse<String> response) {
            return this + " with " + label + " answered " + response.statusCode() + " " + abbreviate(response.body());
        }

        private List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (variable.find()) {
                names.add(variable.group(1));
            }
            return names;
        }

        private HttpRequest.Builder request(Map<String, String> overrides, byte[] body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path(overrides)))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", unique("hostile"));
            if (key != null) {
                builder.header("Authorization", "Bearer " + key);
            }
            return builder;
        }

        private HttpRequest.Builder oversized(boolean withLength) {
            HttpRequest.Builder builder = request(Map.of(), new byte[0]);
            return builder.method(
                    method,
                    withLength
                            ? HttpRequest.BodyPublishers.ofByteArray(new byte[TEN_MB])
                            : HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(chunkedSize())));
        }
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private Call send(HttpRequest.Builder request) {
        return () -> client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Past the limit, but not so far that the server closes the connection before the client has sent it
     * all: Tomcat reads and discards an unread body after answering only up to server.tomcat.max-swallow-size.
     */
    private long chunkedSize() {
        return properties.maxRequestSize().toBytes() + 256 * 1024;
    }

    private long[] history() {
        return new long[] {
            eventRows(),
            jdbc.queryForObject("select count(*) from ledger_chain", Long.class),
            jdbc.queryForObject("select count(*) from ledger_checkpoint", Long.class)
        };
    }

    private static void assertProblem(HttpResponse<String> response, String described) throws IOException {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(described)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).as(described).matches("[A-Z][A-Z_]+");
        assertThat(problem.path("status").asInt()).as(described).isEqualTo(response.statusCode());
        assertThat(response.body()).as(described).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A role the endpoint's documented 403 or its summary names; a writer when neither names one. */
    private static String role(JsonNode operation) {
        Matcher only = java.util.regex.Pattern.compile("Only \\[([A-Z_]+)")
                .matcher(operation
                        .path("responses")
                        .path("403")
                        .path("description")
                        .asText());
        if (only.find()) {
            return only.group(1);
        }
        Matcher summary = java.util.regex.Pattern.compile("\\((ADMIN|PRACTICE_WRITER|COMPLIANCE_OFFICER|REGULATOR)\\b")
                .matcher(operation.path("summary").asText());
        return summary.find() ? summary.group(1) : "PRACTICE_WRITER";
    }

    private ObjectNode example(String endpoint, JsonNode json) {
        Iterator<JsonNode> examples = json.path("examples").elements();
        JsonNode value = examples.hasNext() ? examples.next().path("value") : json.path("example");
        try {
            JsonNode parsed = value.isTextual() ? JSON.readTree(value.asText()) : value;
            assertThat(parsed).as("request example of " + endpoint).isInstanceOf(ObjectNode.class);
            return (ObjectNode) parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(document.path("components").path("schemas").path(name));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String typeOf(JsonNode field) {
        if (field.has("type")) {
            return field.get("type").asText();
        }
        return field.has("properties") ? "object" : "unknown";
    }

    private static List<JsonNode> wrongTypes(String type) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode object = nodes.objectNode().put("x", 1);
        ArrayNode array = nodes.arrayNode().add("a");
        return switch (type) {
            case "string" -> List.of(nodes.numberNode(12345), object, array, nodes.booleanNode(true));
            case "integer", "number" -> List.of(nodes.textNode("abc"), object, array, nodes.booleanNode(true));
            case "boolean" -> List.of(nodes.textNode("maybe"), object, array);
            case "object" -> List.of(nodes.textNode("text"), nodes.numberNode(42), array);
            case "array" -> List.of(nodes.textNode("text"), nodes.numberNode(42), object);
            default -> List.of();
        };
    }

    private static boolean numberAllowed(JsonNode field, String text) {
        BigDecimal value = new BigDecimal(text);
        if ("integer".equals(field.path("type").asText())) {
            if (value.stripTrailingZeros().scale() > 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
                return false;
            }
        }
        if (field.has("minimum")) {
            int comparison = value.compareTo(field.get("minimum").decimalValue());
            if (comparison < 0
                    || (comparison == 0 && field.path("exclusiveMinimum").asBoolean())) {
                return false;
            }
        }
        if (field.has("maximum")) {
            int comparison = value.compareTo(field.get("maximum").decimalValue());
            if (comparison > 0
                    || (comparison == 0 && field.path("exclusiveMaximum").asBoolean())) {
                return false;
            }
        }
        return true;
    }

    private static boolean stringAllowed(JsonNode field, String value) {
        if (field.has("enum")) {
            for (JsonNode allowed : field.get("enum")) {
                if (allowed.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (field.has("maxLength") && value.length() > field.get("maxLength").asInt()) {
            return false;
        }
        if (field.has("minLength") && value.length() < field.get("minLength").asInt()) {
            return false;
        }
        if (field.has("pattern") && !value.matches(field.get("pattern").asText())) {
            return false;
        }
        return true;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue()));
        return map;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    private static byte[] json(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String duplicated(ObjectNode example) {
        String first = example.fieldNames().next();
        String body = example.toString();
        return "{" + JSON.valueToTree(first) + ":" + example.get(first) + "," + body.substring(1);
    }

    private static String nestedInFirstField(ObjectNode example) {
        String first = example.fieldNames().next();
        String body = example.toString();
        String nested = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        return "{" + JSON.valueToTree(first) + ":" + nested + "," + body.substring(1);
    }

    /** The example with the bytes C3 28 (a lead byte without its continuation) inside its first string. */
    private static byte[] invalidUtf8(ObjectNode example) {
        String body = example.toString();
        int quote = body.indexOf("\":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = bytes(body.substring(0, quote + 3));
        out.write(before, 0, before.length);
        out.write(0xC3);
        out.write(0x28);
        byte[] after = bytes(body.substring(quote + 3));
        out.write(after, 0, after.length);
        return out.toByteArray();
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    /** A body of zeros of a given size, streamed so that it is sent in chunks without a length. */
    private static final class Zeros extends InputStream {

        private long remaining;

        Zeros(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            remaining -= n;
            return n;
        }
    }
}
