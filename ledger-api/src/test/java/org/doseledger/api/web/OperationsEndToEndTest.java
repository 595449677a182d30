package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

class OperationsEndToEndTest extends EndToEndTest {

    @Test
    void healthHasLivenessAndReadinessGroups() {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Http.Response response = http.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesCommandAndProcessorMetrics() {
        newPractice();

        Http.Response metrics = http.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("commandBus").contains("http_server_requests");
        // the read models' own lag and dead letters, not Axon's per-event monitors (a tenth of a replay's time)
        assertThat(metrics.text().lines())
                .anyMatch(line ->
                        line.startsWith("ledger_projection_lag{") && line.contains("processor=\"audit-trail\""));
        // nor on the lookup tables that every write runs through, nor around each security filter
        assertThat(metrics.text()
                        .lines()
                        .filter(line -> line.startsWith("audit_trail")
                                || line.startsWith("stock_lots")
                                || line.startsWith("practice_registry")
                                || line.startsWith("api_key_registry")
                                || line.startsWith("spring_security")))
                .isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsWriteHeaders() {
        Http.Response document = http.get("/v3/api-docs").send();

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/practices/{practiceId}/clients"))
                .isTrue();
        assertThat(document.text()).contains("Idempotency-Key").doesNotContain("WriteContext");
        assertThat(http.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode paths = document.json().get("paths");
        com.fasterxml.jackson.databind.JsonNode registerClient =
                paths.get("/api/practices/{practiceId}/clients").get("post").get("responses");
        assertThat(registerClient.has("401")).isTrue();
        assertThat(registerClient
                        .at("/403/content/application~1problem+json/examples/FORBIDDEN/value/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        // every role may read its practice: no 403 to document
        assertThat(paths.get("/api/practices/{practiceId}")
                        .get("get")
                        .get("responses")
                        .has("403"))
                .isFalse();
    }

    @Test
    void everyReadThatWaitsForAPositionDocumentsItsProjectionBehindAnswer() {
        com.fasterxml.jackson.databind.JsonNode paths =
                http.get("/v3/api-docs").send().json().get("paths");
        java.util.List<String> waiting = new java.util.ArrayList<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    boolean takesPosition = false;
                    for (com.fasterxml.jackson.databind.JsonNode parameter :
                            method.getValue().path("parameters")) {
                        takesPosition |= parameter.path("name").asText().equals("atLeastPosition");
                    }
                    if (takesPosition) {
                        waiting.add(path.getKey());
                        assertThat(method.getValue()
                                        .at(
                                                "/responses/503/content/application~1problem+json/examples/PROJECTION_BEHIND/value/code")
                                        .asText())
                                .as(method.getKey() + " " + path.getKey())
                                .isEqualTo("PROJECTION_BEHIND");
                    }
                }));
        // the timeline both waits for a position and records the read: one 503, both reasons
        com.fasterxml.jackson.databind.JsonNode timelineUnavailable = paths.at(
                "/~1api~1practices~1{practiceId}~1clients~1{clientId}~1timeline/get/responses/503/content/application~1problem+json/examples");
        assertThat(timelineUnavailable.has("PROJECTION_BEHIND")).isTrue();
        assertThat(timelineUnavailable.has("ACCESS_NOT_RECORDED")).isTrue();
        assertThat(waiting)
                .contains(
                        "/api/practices/{practiceId}/audit-trail",
                        "/api/practices/{practiceId}/inventory",
                        "/api/practices/{practiceId}/clients/{clientId}/timeline");
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneOneIsKept() {
        Http.Response generated = http.get("/actuator/health").send();
        Http.Response kept =
                http.get("/actuator/health").header("X-Request-Id", "ehr-4711").send();
        Http.Response replaced = http.get("/actuator/health")
                .header("X-Request-Id", "bad id with spaces")
                .send();

        assertThat(generated.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(kept.header("X-Request-Id")).contains("ehr-4711");
        assertThat(replaced.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }
}
