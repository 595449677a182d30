package org.doseledger.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

class FirstSliceEndToEndTest extends EndToEndTest {

    @Test
    void practiceSoftwarePostsFactsAndReadsThemBackInOccurredOrder() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = unique("client");

        Http.Response registered = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .header("X-Practitioner-Id", "np-jones")
                .body(Bodies.client(client, "2026-11-20T15:00:00Z"))
                .send();
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("Location"))
                .contains("/api/practices/" + practice + "/clients/" + client + "/timeline");
        // the consent is reported after a later-occurring revocation would be, but signed earlier
        JsonNode consent = recordConsent(practice, client, writer, "2026-11-20T14:30:00Z");
        String consentId = consent.get("id").asText();
        Http.Response revoked = http.post(
                        "/api/practices/" + practice + "/clients/" + client + "/consents/" + consentId + "/revocation")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation("2026-11-21T09:00:00Z"))
                .send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        long lastPosition = revoked.json().get("ledgerPosition").asLong();

        JsonNode timeline = timeline(practice, client, writer, lastPosition);

        assertThat(timeline.get("total").asLong()).isEqualTo(3);
        List<String> types = new ArrayList<>();
        timeline.get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).containsExactly("ConsentSigned", "ClientRegistered", "ConsentRevoked");
        JsonNode registration = timeline.get("entries").get(1);
        assertThat(registration.get("occurredAt").asText()).isEqualTo("2026-11-20T15:00:00Z");
        assertThat(registration.get("recordedAt").asText()).isNotBlank();
        assertThat(registration.get("practitionerId").asText()).isEqualTo("np-jones");
        assertThat(registration.get("requestId").asText())
                .isEqualTo(registered.header("X-Request-Id").orElseThrow());
        assertThat(registration.get("details").get("legalName").get("family").asText())
                .isEqualTo("Lovelace");
        assertThat(timeline.get("entries").get(2).get("ledgerPosition").asLong())
                .isEqualTo(lastPosition);
    }

    @Test
    void eventsAreStoredAsJsonAnAuditorCanReadWithSql() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        String idempotencyKey = unique("idem");
        Http.Response consent = http.post("/api/practices/" + practice + "/clients/" + client + "/consents")
                .key(writer)
                .idempotencyKey(idempotencyKey)
                .body(Bodies.consent("2026-11-20T15:30:00Z"))
                .send();
        long position = consent.json().get("ledgerPosition").asLong();

        var row = jdbc.queryForMap("""
                select payload_type, payload_revision,
                       convert_from(payload, 'UTF8')::jsonb ->> 'signedAt' as signed_at,
                       convert_from(payload, 'UTF8')::jsonb -> 'routes' ->> 0 as first_route,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as idempotency_key,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'credentialId' as credential_id,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' as request_id,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedAt' as recorded_at
                from domain_event_entry where global_index = ?
                """, position);

        assertThat(row.get("payload_type")).isEqualTo("org.doseledger.core.client.api.ConsentSignedEvent");
        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(row.get("signed_at")).isEqualTo("2026-11-20T15:30:00Z");
        assertThat(row.get("first_route")).isEqualTo("IM");
        assertThat(row.get("idempotency_key")).isEqualTo(idempotencyKey);
        assertThat(row.get("credential_id")).isEqualTo(writer.split("\\.")[1]);
        assertThat(row.get("request_id"))
                .isEqualTo(consent.header("X-Request-Id").orElseThrow());
        assertThat(row.get("recorded_at")).isNotNull();
    }

    @Test
    void aRevokedConsentCannotBeRevokedAgainAndTheSecondAttemptWritesNothing() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        String consentId = recordConsent(practice, client, writer, "2026-11-20T15:30:00Z")
                .get("id")
                .asText();
        String revocation =
                "/api/practices/" + practice + "/clients/" + client + "/consents/" + consentId + "/revocation";
        assertThat(http.post(revocation)
                        .key(writer)
                        .idempotencyKey(unique("idem"))
                        .body(Bodies.revocation("2026-11-21T09:00:00Z"))
                        .send()
                        .status())
                .isEqualTo(201);
        long before = eventRows();

        Http.Response again = http.post(revocation)
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.revocation("2026-11-22T09:00:00Z"))
                .send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("code").asText()).isEqualTo("CONSENT_ALREADY_REVOKED");
        assertThat(again.json().get("detail").asText()).contains(consentId);
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aConsentCanBeReadBackWithItsStatus() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        JsonNode consent = recordConsent(practice, client, writer, "2026-11-20T15:30:00Z");

        Http.Response read = http.get("/api/practices/" + practice + "/clients/" + client + "/consents/"
                        + consent.get("id").asText() + "?atLeastPosition="
                        + consent.get("ledgerPosition").asLong())
                .key(writer)
                .send();

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(read.json().get("history").get(0).get("eventType").asText()).isEqualTo("ConsentSigned");
    }

    @Test
    void aClientIdCanBeRegisteredOnlyOncePerPractice() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        long before = eventRows();

        Http.Response again = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(Bodies.client(client, "2026-11-20T16:00:00Z"))
                .send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CLIENT_ALREADY_EXISTS");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void theSameClientIdInAnotherPracticeIsAnotherClient() {
        String first = newPractice();
        String second = newPractice();
        String client = unique("client");
        for (String practice : List.of(first, second)) {
            Http.Response response = http.post("/api/practices/" + practice + "/clients")
                    .key(issueKey("PRACTICE_WRITER", practice))
                    .idempotencyKey(unique("idem"))
                    .body(Bodies.client(client, "2026-11-20T15:00:00Z"))
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
    }

    @Test
    void addressWeightAndContactChangesAreOnTheClientsTimeline() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String client = newClient(practice, writer);
        String base = "/api/practices/" + practice + "/clients/" + client;

        Http.Response moved = http.post(base + "/address-changes")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("""
                        {"address":{"line1":"9 Oak Ave","city":"Springfield","state":"IL","postalCode":"62703"},
                         "occurredAt":"2026-11-24T10:00:00Z"}
                        """)
                .send();
        Http.Response weighed = http.post(base + "/weights")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"kilograms\":72.4,\"measuredBy\":\"rn-1\",\"occurredAt\":\"2026-11-24T10:05:00Z\"}")
                .send();
        Http.Response phoned = http.post(base + "/contact")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"phone\":\"+1-217-555-0142\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}")
                .send();
        Http.Response pounds = http.post(base + "/weights")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"kilograms\":160,\"measuredBy\":\"rn-1\",\"occurredAt\":\"2026-11-24T10:05:00Z\"}")
                .send();
        Http.Response poundsHeavy = http.post(base + "/weights")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"kilograms\":450,\"measuredBy\":\"rn-1\",\"occurredAt\":\"2026-11-24T10:05:00Z\"}")
                .send();

        assertThat(List.of(moved.status(), weighed.status(), phoned.status(), pounds.status()))
                .containsOnly(201);
        assertThat(poundsHeavy.status()).isEqualTo(409);
        assertThat(poundsHeavy.json().get("code").asText()).isEqualTo("IMPLAUSIBLE_WEIGHT");
        List<String> types = new ArrayList<>();
        timeline(practice, client, writer, pounds.json().get("ledgerPosition").asLong())
                .get("entries")
                .forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).contains("ClientAddressChanged", "ClientWeightRecorded", "ClientContactUpdated");
    }
}
