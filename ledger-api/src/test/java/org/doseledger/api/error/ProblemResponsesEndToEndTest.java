package org.doseledger.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every class of client mistake gets its status, a problem document with a stable code, and writes nothing. */
class ProblemResponsesEndToEndTest extends EndToEndTest {

    private String practice;
    private String writer;
    private long eventsBefore;

    @BeforeEach
    void practiceWithWriter() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        eventsBefore = eventRows();
    }

    @Test
    void validationNamesEveryBadField() {
        Http.Response response = postClient("""
                {"clientId":"has spaces","legalName":{"given":"","family":"Lovelace"},"dateOfBirth":"2999-01-01",
                 "address":{"line1":"12 Elm St","city":"Springfield","state":"Illinois","postalCode":"6270"},
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """);

        assertWritelessProblem(response, 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "clientId", "legalName.given", "dateOfBirth", "address.state", "address.postalCode");
    }

    @Test
    void aFactCannotHaveOccurredInTheFuture() {
        Http.Response response = postClient(Bodies.client(unique("client"), "2999-01-01T00:00:00Z"));

        assertWritelessProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("occurredAt");
    }

    @Test
    void malformedJsonIsA400() {
        Http.Response response = postClient("{\"clientId\": \"c-1\", ");

        assertWritelessProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void unknownFieldsAreRejectedRatherThanSilentlyDropped() {
        Http.Response response = postClient(Bodies.client(unique("client"), "2026-11-20T15:00:00Z")
                .replace("\"clientId\"", "\"witnes\":\"x\",\"clientId\""));

        assertWritelessProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().get("detail").asText()).contains("witnes");
    }

    @Test
    void controlCharactersInTextAreRefusedButLineBreaksAreNot() {
        String client = newClient(practice, writer);
        eventsBefore = eventRows();
        String consent = Bodies.consent("2026-11-20T15:30:00Z");
        String signedBy = consent.substring(consent.indexOf("\"signedBy\""));
        signedBy = signedBy.substring(0, signedBy.indexOf(',')); // "signedBy":"..."

        Http.Response response = http.post("/api/practices/" + practice + "/clients/" + client + "/consents")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(consent.replace(signedBy, "\"signedBy\":\"Ada\\u0000Lovelace\""))
                .send();

        assertWritelessProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().get("detail").asText()).contains("signedBy");
        Http.Response withLineBreak = http.post("/api/practices/" + practice + "/clients/" + client + "/consents")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(consent.replace(signedBy, "\"signedBy\":\"Ada\\nLovelace\""))
                .send();
        assertThat(withLineBreak.status()).as(withLineBreak.toString()).isEqualTo(201);
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndTheAllowedValues() {
        String client = newClient(practice, writer);
        eventsBefore = eventRows();

        Http.Response response = http.post("/api/practices/" + practice + "/clients/" + client + "/consents")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.consent("2026-11-20T15:30:00Z").replace("\"SUBLINGUAL\"", "\"RECTAL\""))
                .send();

        assertWritelessProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().get("detail").asText()).contains("routes[1]").contains("SUBLINGUAL");
        assertThat(response.text()).doesNotContain("org.doseledger");
    }

    @Test
    void aSecondPracticeCannotRegisterUnderADeaNumberAnotherPracticeHolds() {
        String first = newPractice();
        eventsBefore = eventRows();

        Http.Response response = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(unique("practice"))
                        .replaceAll(
                                "\"deaNumber\":\"[A-Z0-9]+\"", "\"deaNumber\":\"" + Bodies.deaNumberOf(first) + "\""))
                .send();

        assertWritelessProblem(response, 409, "DEA_NUMBER_ALREADY_REGISTERED");
        assertThat(response.json().get("detail").asText()).contains("already held by practice " + first);
    }

    @Test
    void anInvalidDeaNumberIsRejectedWithItsReason() {
        String practice = unique("practice");
        String dea = Bodies.deaNumberOf(practice);
        String wrongCheckDigit = dea.substring(0, 8) + (char) ('0' + (dea.charAt(8) - '0' + 1) % 10);
        Http.Response response = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(practice).replace(dea, wrongCheckDigit))
                .send();

        assertWritelessProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("check digit");
    }

    @Test
    void aRuleViolationIsA409WithItsCode() {
        Http.Response response = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(unique("practice")).replace("[\"III\",\"IIIN\",\"IV\"]", "[\"II\",\"III\"]"))
                .send();

        assertWritelessProblem(response, 409, "SCHEDULE_IIIN_NOT_AUTHORIZED");
    }

    @Test
    void aConsentForAnUnknownClientIsA404() {
        Http.Response response = http.post("/api/practices/" + practice + "/clients/nobody/consents")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.consent("2026-11-20T15:30:00Z"))
                .send();

        assertWritelessProblem(response, 404, "CLIENT_NOT_FOUND");
    }

    @Test
    void revokingAnUnknownConsentIsA404() {
        String client = newClient(practice, writer);
        eventsBefore = eventRows();

        Http.Response response = http.post(
                        "/api/practices/" + practice + "/clients/" + client + "/consents/no-such-consent/revocation")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation("2026-11-21T09:00:00Z"))
                .send();

        assertWritelessProblem(response, 404, "CONSENT_NOT_FOUND");
    }

    @Test
    void theTimelineOfAnUnknownClientIsA404() {
        Http.Response response = http.get("/api/practices/" + practice + "/clients/nobody/timeline")
                .key(writer)
                .send();

        assertWritelessProblem(response, 404, "CLIENT_NOT_FOUND");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        Http.Response response = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .header("Content-Type", "text/plain")
                .body("clientId=c-1")
                .send();

        assertWritelessProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String huge = Bodies.client(unique("client"), "2026-11-20T15:00:00Z")
                .replace("\"Ada\"", "\"" + "A".repeat(1_100_000) + "\"");

        Http.Response response = postClient(huge);

        assertWritelessProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsA400() {
        Http.Response response = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .body(Bodies.client(unique("client"), "2026-11-20T15:00:00Z"))
                .send();

        assertWritelessProblem(response, 400, "IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        Http.Response response = http.get("/api/nothing-here").key(writer).send();

        assertWritelessProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Http.Response response =
                http.get("/api/practices/" + practice + "/clients").key(writer).send();

        assertWritelessProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    private Http.Response postClient(String body) {
        return http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private void assertWritelessProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("requestId").asText())
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(eventRows()).as("a rejected request writes nothing").isEqualTo(eventsBefore);
    }
}
