package org.doseledger.api.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a practice history through the public REST API, as practice software would: one request per
 * fact with an Idempotency-Key, the acting practitioner in X-Practitioner-Id, and the ids in the
 * receipts fed to later facts. Works against any running service given an ADMIN key: it registers each
 * practice with it and issues itself a PRACTICE_WRITER key for the practice. A request refused with
 * 429 is sent again after its Retry-After; any other refusal stops the run with the ledger's problem.
 */
public final class RestEmitter {

    private final URI base;
    private final String adminKey;
    private final String idempotencyPrefix;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> writerKeys = new HashMap<>();
    private final FactReferences references = new FactReferences();

    /**
     * @param base the service, e.g. http://localhost:8080 (with its context path, if any)
     * @param idempotencyPrefix makes the run's Idempotency-Keys unique: a run sent again with the same
     *     prefix is answered from the first run's records
     */
    public RestEmitter(URI base, String adminKey, String idempotencyPrefix, ObjectMapper mapper) {
        this.base = base;
        this.adminKey = adminKey;
        this.idempotencyPrefix = idempotencyPrefix;
        this.mapper = mapper;
    }

    public EmitResult emit(Stream<PracticeFact> facts) {
        long started = System.nanoTime();
        long count = 0;
        long events = 0;
        long position = 0;
        Iterator<PracticeFact> iterator = facts.iterator();
        while (iterator.hasNext()) {
            PracticeFact fact = iterator.next();
            boolean practice = fact.kind().equals(PracticeFact.REGISTER_PRACTICE);
            String key = practice ? adminKey : writerKeys.get(fact.practiceId());
            JsonNode receipt = post(fact, idempotencyPrefix + "-" + count, key);
            count++;
            events += receipt.path("events").size();
            position = Math.max(position, receipt.path("ledgerPosition").asLong());
            references.keep("id", fact.keepIdAs(), receipt.path("id").asText(null));
            references.keep(
                    "event",
                    fact.keepEventIdAs(),
                    receipt.path("events").path(0).path("eventId").asText(null));
            if (practice) {
                writerKeys.put(fact.practiceId(), issueWriterKey(fact.practiceId()));
            }
        }
        return new EmitResult(count, events, position, Duration.ofNanos(System.nanoTime() - started));
    }

    private String issueWriterKey(String practiceId) {
        Map<String, Object> body = PracticeHistory.map(
                "role", "PRACTICE_WRITER", "practiceId", practiceId, "label", "practice generator " + practiceId);
        PracticeFact issue =
                new PracticeFact("ISSUE_KEY", practiceId, "/api/admin/api-keys", body, null, null, null, null);
        return post(issue, idempotencyPrefix + "-key-" + practiceId, adminKey)
                .path("apiKey")
                .asText();
    }

    private JsonNode post(PracticeFact fact, String idempotencyKey, String apiKey) {
        String json = references.resolve(json(fact.body()));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        base.resolve(base.getPath() + references.resolve(fact.path())))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (fact.practitionerId() != null) {
            request.header("X-Practitioner-Id", fact.practitionerId());
        }
        while (true) {
            HttpResponse<String> response = send(request.build());
            if (response.statusCode() == 429) {
                RetryAfter.pause(response.headers().firstValue("Retry-After").orElse("1"));
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new GeneratorException(fact, response.statusCode() + " " + response.body());
            }
            try {
                return mapper.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new GeneratorException(fact, "the answer is not JSON: " + response.body());
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + request.uri(), e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fact's body cannot be written as JSON", e);
        }
    }
}
