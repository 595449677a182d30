package org.doseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A context of its own: one test places an old access straight into the access_log read model, which the
 * periodic reconciliation rightly reports as a row no event explains (READ_MODEL_DIVERGED, two events), and
 * tests sharing the context that count the ledger's events would see them appear.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=access-log")
class AccessLogEndToEndTest extends EndToEndTest {

    static final String ACCESSED = "org.doseledger.core.access.api.ClientDataAccessedEvent";

    String practice;
    String writer;
    String officer;
    String officerKeyId;
    String client;

    @BeforeEach
    void aPracticeWithAClient() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        Http.Response issued = http.post("/api/admin/api-keys")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"role\":\"COMPLIANCE_OFFICER\",\"label\":\"officer\",\"practiceId\":\"" + practice + "\"}")
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        officer = issued.json().get("apiKey").asText();
        officerKeyId = issued.json().get("keyId").asText();
        client = newClient(practice, writer);
    }

    @Test
    void readingATimelineRecordsExactlyOneAccessThatTheLogAndTheAuditTrailShow() {
        long registered = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Http.Response read = http.get("/api/practices/" + practice + "/clients/" + client
                        + "/timeline?limit=50&atLeastPosition=" + registered)
                .key(officer)
                .send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);

        List<JsonNode> stored = accesses();
        assertThat(stored).hasSize(1);
        JsonNode access = stored.get(0);
        assertThat(access.get("practiceId").asText()).isEqualTo(practice);
        assertThat(access.get("clientId").asText()).isEqualTo(client);
        assertThat(access.get("credentialId").asText()).isEqualTo(officerKeyId);
        assertThat(access.get("role").asText()).isEqualTo("COMPLIANCE_OFFICER");
        assertThat(access.get("kind").asText()).isEqualTo("READ");
        assertThat(access.get("endpoint").asText())
                .isEqualTo("GET /api/practices/{practiceId}/clients/{clientId}/timeline");
        assertThat(access.get("parameters").toString()).isEqualTo("{\"limit\":\"50\"}");
        assertThat(access.toString()).as("no personal data").doesNotContain("Springfield");
        long position = lastAccessPosition();

        JsonNode log = http.get("/api/practices/" + practice + "/access-log?atLeastPosition=" + position)
                .key(officer)
                .send()
                .json();
        // ledger-wide bundle exports by other tests appear in every practice's log
        List<JsonNode> ownPractice = list(log.get("entries")).stream()
                .filter(entry -> entry.get("practiceWide").asBoolean())
                .toList();
        assertThat(ownPractice).hasSize(1);
        JsonNode entry = ownPractice.get(0);
        assertThat(entry.get("ledgerPosition").asLong()).isEqualTo(position);
        assertThat(entry.get("clientId").asText()).isEqualTo(client);
        assertThat(entry.get("credentialId").asText()).isEqualTo(officerKeyId);
        assertThat(entry.get("requestId").asText())
                .isEqualTo(read.header("X-Request-Id").orElseThrow());
        assertThat(http.get("/api/practices/" + practice + "/access-log?client=other-client")
                        .key(officer)
                        .send()
                        .json()
                        .get("entries"))
                .isEmpty();

        JsonNode trail = http.get("/api/practices/" + practice
                        + "/audit-trail?eventType=ClientDataAccessed&atLeastPosition=" + position)
                .key(officer)
                .send()
                .json();
        // the reads of the access log above are recorded too, and may already be in the trail
        List<JsonNode> timelineReads = list(trail.get("entries")).stream()
                .filter(recorded ->
                        recorded.get("payload").get("endpoint").asText().endsWith("/timeline"))
                .toList();
        assertThat(timelineReads).hasSize(1);
        assertThat(timelineReads.get(0).get("clientId").asText()).isEqualTo(client);
        assertThat(timelineReads.get(0).get("credentialId").asText()).isEqualTo(officerKeyId);
        assertThat(accesses().stream().map(recorded -> recorded.get("endpoint").asText()))
                .as("reading the access log and the audit trail, which name no one client but show every client's"
                        + " data, is recorded too")
                .containsExactly(
                        "GET /api/practices/{practiceId}/clients/{clientId}/timeline",
                        "GET /api/practices/{practiceId}/access-log",
                        "GET /api/practices/{practiceId}/access-log",
                        "GET /api/practices/{practiceId}/audit-trail");
    }

    @Test
    void aDeclaredPurposeOfUseIsRecordedAndSummarizedByCredential() {
        long registered = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        java.time.Instant from = java.time.Instant.now().minusSeconds(60);
        Http.Response read = http.get(
                        "/api/practices/" + practice + "/clients/" + client + "/timeline?atLeastPosition=" + registered)
                .key(officer)
                .header("X-Purpose-Of-Use", "audit")
                .send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(accesses().get(0).get("purpose").asText()).isEqualTo("AUDIT");

        Http.Response refused = http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                .key(officer)
                .header("X-Purpose-Of-Use", "curiosity")
                .send();
        assertProblem(refused, 400, "PURPOSE_OF_USE_INVALID");
        assertThat(accesses()).hasSize(1);

        JsonNode summary = http.get("/api/practices/" + practice + "/access-log/summary?from=" + from + "&to="
                        + java.time.Instant.now().plusSeconds(60) + "&atLeastPosition=" + lastAccessPosition())
                .key(officer)
                .send()
                .json();
        assertThat(list(summary).stream()
                        .filter(row ->
                                officerKeyId.equals(row.get("credentialId").asText())
                                        && "AUDIT".equals(row.get("purpose").asText()))
                        .map(row -> row.get("reads").asLong()))
                .containsExactly(1L);
    }

    @Test
    void aRefusedOrFailedReadRecordsNothing() {
        String outsider = issueKey("COMPLIANCE_OFFICER", newPractice());
        long before = eventRows();

        assertThat(timeline(outsider, client).status()).isEqualTo(404);
        assertThat(timeline(adminKey, client).status()).isEqualTo(403);
        assertThat(timeline(officer, "nobody").status()).isEqualTo(404);
        assertThat(http.get("/api/practices/" + practice + "/clients/" + client + "/timeline?limit=0")
                        .key(officer)
                        .send()
                        .status())
                .isEqualTo(400);

        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aReadTheLedgerCannotRecordSendsNoData() {
        timeline(
                practice,
                client,
                officer,
                jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        // the database refuses access events for a moment, as a full disk or a lost connection would
        jdbc.execute("""
                create or replace function refuse_access_events() returns trigger language plpgsql as $$
                begin
                    if new.payload_type = '%s' then
                        raise exception 'access events refused for this test';
                    end if;
                    return new;
                end $$;
                create trigger refuse_access_events before insert on domain_event_entry
                    for each row execute function refuse_access_events();
                """.formatted(ACCESSED));
        Http.Response refused;
        try {
            refused = timeline(officer, client);
        } finally {
            jdbc.execute("drop trigger refuse_access_events on domain_event_entry;"
                    + " drop function refuse_access_events();");
        }

        assertProblem(refused, 503, "ACCESS_NOT_RECORDED");
        assertThat(refused.json().has("total"))
                .as("no part of the timeline was sent")
                .isFalse();
        assertThat(timeline(officer, client).status()).isEqualTo(200);
    }

    @Test
    void writesAreNotAccesses() {
        recordConsent(practice, client, writer, "2026-11-20T15:30:00Z");

        assertThat(accesses()).isEmpty();
    }

    @Test
    void exportsAndClientFilteredAuditTrailsAreRecorded() {
        Http.Response csv = http.get("/api/practices/" + practice + "/audit-trail?eventType=ClientRegistered")
                .key(officer)
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        Http.Response filtered = http.get("/api/practices/" + practice + "/audit-trail?client=" + client)
                .key(officer)
                .send();
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);

        List<JsonNode> stored = accesses();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("kind").asText()).isEqualTo("EXPORT");
        assertThat(stored.get(0).get("parameters").get("eventType").asText()).isEqualTo("ClientRegistered");
        assertThat(stored.get(0).get("clientId").isNull()).isTrue();
        assertThat(stored.get(1).get("kind").asText()).isEqualTo("READ");
        assertThat(stored.get(1).get("clientId").asText()).isEqualTo(client);
    }

    @Test
    void anOfficerMarksAPeriodReviewedAndAnUnreviewedOldPeriodIsAnException() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the ledger's clock cannot be turned back: an access 45 days ago is placed in the read model
        jdbc.update("""
                insert into access_log (ledger_position, event_id, access_id, practice_id, client_id, credential_id,
                                        role, kind, endpoint, parameters, accessed_at)
                values (-1000 - (select count(*) from access_log), 'e-old', 'a-old', ?, ?, 'key-old',
                        'COMPLIANCE_OFFICER', 'READ', 'GET /x', '{}', ?)
                """, practice, client, java.sql.Timestamp.from(now.minus(45, ChronoUnit.DAYS)));

        JsonNode overdue = overdueExceptions();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("summary").asText()).contains("not reviewed within 30 days");

        Http.Response future = review(now.minus(50, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        assertThat(future.status()).as(future.toString()).isEqualTo(409);
        assertThat(future.json().get("code").asText()).isEqualTo("INVALID_REVIEW_PERIOD");
        Http.Response reviewed = review(now.minus(50, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        long position = reviewed.json().get("ledgerPosition").asLong();

        JsonNode reviews = http.get("/api/practices/" + practice + "/access-log/reviews?atLeastPosition=" + position)
                .key(officer)
                .send()
                .json();
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).get("reviewedBy").asText()).isEqualTo("J. Doe, compliance officer");
        assertThat(reviews.get(0).get("credentialId").asText()).isEqualTo(officerKeyId);
        assertThat(overdueExceptions()).isEmpty();
    }

    private Http.Response review(Instant from, Instant to) {
        return http.post("/api/practices/" + practice + "/access-log/reviews")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"from\":\"" + from + "\",\"to\":\"" + to
                        + "\",\"reviewedBy\":\"J. Doe, compliance officer\",\"note\":\"nothing unusual\"}")
                .send();
    }

    private JsonNode overdueExceptions() {
        Http.Response response = http.get("/api/practices/" + practice + "/exceptions?kind=ACCESS_LOG_REVIEW_OVERDUE")
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("exceptions");
    }

    private Http.Response timeline(String key, String clientId) {
        return http.get("/api/practices/" + practice + "/clients/" + clientId + "/timeline")
                .key(key)
                .send();
    }

    private List<JsonNode> accesses() {
        return jdbc.queryForList("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where payload_type = ? and convert_from(payload, 'UTF8')::jsonb ->> 'practiceId' = ?
                        order by global_index
                        """, String.class, ACCESSED, practice).stream()
                .map(AccessLogEndToEndTest::json)
                .toList();
    }

    private long lastAccessPosition() {
        return jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where payload_type = ?", Long.class, ACCESSED);
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
