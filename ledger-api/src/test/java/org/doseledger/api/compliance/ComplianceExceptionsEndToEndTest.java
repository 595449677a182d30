package org.doseledger.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplianceExceptionsEndToEndTest extends EndToEndTest {

    static final String OFFICER = "{\"reviewedBy\":\"J. Doe, compliance officer\",\"note\":\"%s\"}";

    String practice;
    String writer;
    String officer;
    StockFixture stock;
    String unwitnessed;
    long last;

    @BeforeEach
    void aPracticeWithStock() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "A", 2, "2027-06-30"));
        String drawId = StockFixture.created(stock.draw("safe-1", "A", "1", "rn-1"))
                .get("id")
                .asText();
        unwitnessed = "UNWITNESSED_DRAW:safe-1:" + StockFixture.NDC + ":A:" + drawId;
        last = StockFixture.created(stock.administer("safe-1", "A", drawId, "1"))
                .get("ledgerPosition")
                .asLong();
    }

    @Test
    void eventsRaiseExceptionsAndTheDateRaisesTheRest() {
        String lot = stock.lotPath("safe-1", "A");
        String countId = StockFixture.created(stock.post(lot + "/counts", """
                        {"kind":"ROUTINE","timing":"CLOSE_OF_BUSINESS","counted":{"amount":"18.5","unit":"ML"},
                         "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        String lossId = StockFixture.created(stock.post(lot + "/losses", """
                        {"quantity":{"amount":"1","unit":"ML"},"lossType":"EMPLOYEE_PILFERAGE",
                         "description":"vial short at count","reportedBy":"md-1","discoveredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
        JsonNode lateReceipt =
                StockFixture.created(stock.post(stock.lotPath("safe-2", "B") + "/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-B",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s",
                 "lateEntry":{"reason":"invoice found in the mail tray","cosignedBy":"md-1"}}
                """.formatted(yesterday)));
        LocalDate expiresSoon = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        StockFixture.created(stock.post("/practitioners", """
                {"practitionerId":"rn-9","name":"rn-9","roles":["NURSE"],"deaNumber":null,
                 "licence":{"number":"IL-041-9999","state":"IL","expiresOn":"%s"},"occurredAt":"%s"}
                """.formatted(expiresSoon, StockFixture.now())));
        last = lateReceipt.get("ledgerPosition").asLong();

        JsonNode queue = queue("atLeastPosition=" + last);

        assertThat(ids(queue))
                .contains(
                        unwitnessed,
                        "DISCREPANCY_OPEN:safe-1:" + StockFixture.NDC + ":A:" + countId,
                        "FORM_106_DUE:safe-1:" + StockFixture.NDC + ":A:" + lossId,
                        "LATE_ENTRY:"
                                + lateReceipt
                                        .get("events")
                                        .get(0)
                                        .get("eventId")
                                        .asText(),
                        "CREDENTIAL_EXPIRING:rn-9:LICENCE:" + expiresSoon,
                        "BIENNIAL_INVENTORY_DUE:"
                                + yesterday.atOffset(ZoneOffset.UTC).toLocalDate())
                .doesNotHaveDuplicates();
        JsonNode loss = find(queue, "FORM_106_DUE");
        assertThat(loss.get("status").asText()).isEqualTo("OPEN");
        assertThat(loss.get("dueOn").asText()).isNotBlank();
        assertThat(loss.get("summary").asText()).contains("EMPLOYEE_PILFERAGE", "Form 106 due");
        assertThat(find(queue, "BIENNIAL_INVENTORY_DUE").get("summary").asText())
                .as("the initial inventory was due when stock first arrived, the late receipt's day")
                .startsWith("No initial inventory recorded; stock first arrived "
                        + yesterday.atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(find(queue, "LATE_ENTRY").get("practitionerId").asText()).isEqualTo("md-1");
        assertThat(queue.get("total").asLong())
                .isEqualTo(queue.get("exceptions").size());
        assertThat(ids(queue("kind=CREDENTIAL_EXPIRING&kind=FORM_106_DUE")))
                .containsExactlyInAnyOrder(
                        "CREDENTIAL_EXPIRING:rn-9:LICENCE:" + expiresSoon,
                        "FORM_106_DUE:safe-1:" + StockFixture.NDC + ":A:" + lossId);
    }

    @Test
    void theLedgerClearsWhatItSettlesAndAnInitialInventoryMovesTheDeadline() {
        String lot = stock.lotPath("safe-1", "A");
        String countId = StockFixture.created(stock.post(lot + "/counts", """
                        {"kind":"INITIAL","timing":"OPENING_OF_BUSINESS","counted":{"amount":"18.5","unit":"ML"},
                         "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        last = StockFixture.created(stock.post(
                        lot + "/discrepancies/" + countId + "/resolution", """
                        {"explanation":"spill during draw, witnessed","adjustToCount":true,"resolvedBy":"rn-1",
                         "approvedBy":"md-1","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("ledgerPosition")
                .asLong();

        JsonNode open = queue("atLeastPosition=" + last);
        assertThat(ids(open)).contains(unwitnessed).noneMatch(id -> id.startsWith("DISCREPANCY_OPEN"));
        assertThat(ids(open)).noneMatch(id -> id.startsWith("BIENNIAL_INVENTORY_DUE"));

        JsonNode cleared = find(queue("status=CLEARED"), "DISCREPANCY_OPEN");
        assertThat(cleared.get("clearedBy").asText()).isEqualTo("DiscrepancyResolved");
        assertThat(cleared.get("clearedAt").asText()).isNotBlank();
    }

    @Test
    void anExpiringCredentialOrConsentRenewedStaysInTheQueueAsCleared() {
        LocalDate expiresSoon = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        StockFixture.created(stock.post("/practitioners", """
                {"practitionerId":"rn-8","name":"rn-8","roles":["NURSE"],"deaNumber":null,
                 "licence":{"number":"IL-041-8888","state":"IL","expiresOn":"%s"},"occurredAt":"%s"}
                """.formatted(expiresSoon, StockFixture.now())));
        Instant consentExpires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(12));
        String consent = """
                {"document":{"documentId":"KAP-RENEWED-CONSENT","version":"%s","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation"],"routes":["IM"],"careModels":["ADMINISTERED"]%s}
                """;
        String consentId = StockFixture.created(stock.post(
                        "/clients/" + stock.client + "/consents",
                        consent.formatted("1", StockFixture.now(), ",\"expiresAt\":\"" + consentExpires + "\"")))
                .get("id")
                .asText();
        long raised = StockFixture.created(
                        stock.post("/practitioners/rn-8/licences", """
                        {"number":"IL-041-8888","state":"IL","expiresOn":"%s","occurredAt":"%s"}
                        """.formatted(expiresSoon, StockFixture.now())))
                .get("ledgerPosition")
                .asLong();
        String licenceException = "CREDENTIAL_EXPIRING:rn-8:LICENCE:" + expiresSoon;
        String consentException = "CONSENT_EXPIRING:" + stock.client + ":" + consentId;
        assertThat(ids(queue("atLeastPosition=" + raised + "&status=OPEN")))
                .as("recording the same expiry again renews nothing")
                .contains(licenceException, consentException);

        StockFixture.created(stock.post(
                "/practitioners/rn-8/licences", """
                {"number":"IL-041-8888","state":"IL","expiresOn":"%s","occurredAt":"%s"}
                """.formatted(expiresSoon.plusYears(2), StockFixture.now())));
        long renewed = StockFixture.created(stock.post(
                        "/clients/" + stock.client + "/consents", consent.formatted("2", StockFixture.now(), "")))
                .get("ledgerPosition")
                .asLong();

        assertThat(ids(queue("atLeastPosition=" + renewed + "&status=OPEN")))
                .doesNotContain(licenceException, consentException);
        JsonNode cleared = queue("atLeastPosition=" + renewed + "&status=CLEARED");
        JsonNode licence = byId(cleared, licenceException);
        assertThat(licence.get("clearedBy").asText()).isEqualTo("PractitionerLicenceRecorded");
        assertThat(licence.get("summary").asText()).contains("renewed until " + expiresSoon.plusYears(2));
        JsonNode superseded = byId(cleared, consentException);
        assertThat(superseded.get("clearedBy").asText()).isEqualTo("ConsentSuperseded");
        assertThat(superseded.get("clearedAt").asText()).isNotBlank();
    }

    @Test
    void anOfficerAcknowledgesThenResolvesAndBothAreOnTheRecord() {
        queue("atLeastPosition=" + last);
        String path = "/api/practices/" + practice + "/exceptions/" + unwitnessed;

        Http.Response acknowledged = post(path + "/acknowledgement", OFFICER.formatted("asking rn-1"));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(201);
        assertThat(acknowledged.json().get("events").get(0).get("eventType").asText())
                .isEqualTo("ExceptionAcknowledged");
        Http.Response again = post(path + "/acknowledgement", OFFICER.formatted("me too"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("EXCEPTION_ALREADY_ACKNOWLEDGED");

        Http.Response noNote = post(path + "/resolution", "{\"reviewedBy\":\"J. Doe\",\"note\":\" \"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        Http.Response resolved = post(path + "/resolution", OFFICER.formatted("practice policy: single-nurse draws"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(201);
        Http.Response twice = post(path + "/resolution", OFFICER.formatted("again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("EXCEPTION_ALREADY_RESOLVED");

        long position = resolved.json().get("ledgerPosition").asLong();
        Http.Response one =
                http.get(path + "?atLeastPosition=" + position).key(officer).send();
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(one.json().get("acknowledgement").get("note").asText()).isEqualTo("asking rn-1");
        assertThat(one.json().get("resolution").get("by").asText()).isEqualTo("J. Doe, compliance officer");
        assertThat(ids(queue(""))).doesNotContain(unwitnessed);
        assertThat(ids(queue("status=RESOLVED"))).containsExactly(unwitnessed);

        Http.Response trail = http.get("/api/practices/" + practice
                        + "/audit-trail?eventType=ExceptionAcknowledged&eventType=ExceptionResolved&atLeastPosition="
                        + position)
                .key(officer)
                .send();
        assertThat(trail.json().get("entries")).hasSize(2);
    }

    @Test
    void unknownIdsBadInputAndOtherRolesAreRefused() {
        queue("atLeastPosition=" + last);
        String exceptions = "/api/practices/" + practice + "/exceptions/";

        Http.Response unknown =
                post(exceptions + "UNWITNESSED_DRAW:safe-1:x:y:z/acknowledgement", OFFICER.formatted(""));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("EXCEPTION_NOT_FOUND");
        assertThat(http.get(exceptions + "not%20an%20id").key(officer).send().status())
                .isEqualTo(400);
        assertThat(http.get("/api/practices/" + practice + "/exceptions?status=DONE")
                        .key(officer)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post(exceptions + unwitnessed + "/acknowledgement")
                        .key(writer)
                        .idempotencyKey(unique("idem"))
                        .body(OFFICER.formatted("x"))
                        .send()
                        .status())
                .isEqualTo(403);
        Http.Response regulator = http.get("/api/practices/" + practice + "/exceptions")
                .key(issueKey("REGULATOR", practice))
                .send();
        assertThat(regulator.status()).isEqualTo(200);
    }

    @Test
    void csvListsTheQueue() {
        queue("atLeastPosition=" + last);
        Http.Response response = http.get("/api/practices/" + practice + "/exceptions")
                .key(officer)
                .header("Accept", "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String[] lines = response.text().split("\r\n");
        assertThat(lines[0]).startsWith("exceptionId,kind,status,summary,raisedAt,dueOn,");
        assertThat(List.of(lines)).anyMatch(line -> line.startsWith(unwitnessed + ",UNWITNESSED_DRAW,OPEN,"));
    }

    private Http.Response post(String path, String body) {
        return http.post(path)
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private JsonNode queue(String query) {
        Http.Response response = http.get("/api/practices/" + practice + "/exceptions?" + query)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode queue) {
        return StreamSupport.stream(queue.get("exceptions").spliterator(), false)
                .map(exception -> exception.get("exceptionId").asText())
                .toList();
    }

    private static JsonNode byId(JsonNode queue, String exceptionId) {
        return StreamSupport.stream(queue.get("exceptions").spliterator(), false)
                .filter(exception -> exception.get("exceptionId").asText().equals(exceptionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + exceptionId + " in " + queue));
    }

    private static JsonNode find(JsonNode queue, String kind) {
        return StreamSupport.stream(queue.get("exceptions").spliterator(), false)
                .filter(exception -> exception.get("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + queue));
    }
}
