package org.doseledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

class IdempotencyEndToEndTest extends EndToEndTest {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameAnswerAndWritesNothing() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String key = unique("idem");
        String body = Bodies.client(unique("client"), "2026-11-20T15:00:00Z");
        Http.Response first = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(key)
                .body(body)
                .send();
        long after = eventRows();

        Http.Response retry = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(key)
                .body(body)
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header(IdempotentWrites.REPLAYED_HEADER)).contains("true");
        assertThat(first.header(IdempotentWrites.REPLAYED_HEADER)).isEmpty();
        assertThat(eventRows()).isEqualTo(after);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String key = unique("idem");
        http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(key)
                .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                .send();
        long before = eventRows();

        Http.Response reused = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(key)
                .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                .send();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void concurrentRetriesOfOneWriteAppendOnce() throws Exception {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        String key = unique("idem");
        String path = "/api/practices/" + practice + "/clients/" + client + "/consents";
        long before = eventRows();
        Callable<Http.Response> send = () -> http.post(path)
                .key(writer)
                .idempotencyKey(key)
                .body(Bodies.consent("2026-11-20T15:30:00Z"))
                .send();

        List<Http.Response> answers;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            answers = threads.invokeAll(List.of(send, send, send, send)).stream()
                    .map(IdempotencyEndToEndTest::join)
                    .toList();
        } finally {
            threads.shutdown();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers.stream().map(Http.Response::text).distinct()).hasSize(1);
        assertThat(eventRows()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedKeyIssueDoesNotRevealTheSecretAgain() {
        String practice = newPractice();
        String key = unique("idem");
        String body = "{\"role\":\"COMPLIANCE_OFFICER\",\"practiceId\":\"" + practice + "\",\"label\":\"officer\"}";
        Http.Response first = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(key)
                .body(body)
                .send();

        Http.Response retry = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(key)
                .body(body)
                .send();

        assertThat(first.json().get("apiKey").asText()).startsWith("dlk.");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("keyId").asText())
                .isEqualTo(first.json().get("keyId").asText());
        assertThat(retry.json().get("apiKey")).isNull();
        assertThat(retry.text()).doesNotContain(first.json().get("apiKey").asText());
    }

    @Test
    void idempotencyKeysOfDifferentCredentialsDoNotCollide() {
        String practice = newPractice();
        String key = unique("idem");
        for (String writer : List.of(issueKey("PRACTICE_WRITER", practice), issueKey("PRACTICE_WRITER", practice))) {
            Http.Response response = http.post("/api/practices/" + practice + "/clients")
                    .key(writer)
                    .idempotencyKey(key)
                    .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.header(IdempotentWrites.REPLAYED_HEADER)).isEmpty();
        }
    }

    private static Http.Response join(Future<Http.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
