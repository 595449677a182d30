package org.doseledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.MutableClock;
import org.doseledger.api.support.MutableClockConfiguration;
import org.doseledger.api.support.StockFixture;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

// a clock of its own that the tests move past the retention period: a database and context of their own
@TestPropertySource(properties = "ledger.test.isolated-context=personal-data")
@Import(MutableClockConfiguration.class)
class PersonalDataEndToEndTest extends EndToEndTest {

    /** When practice software says old facts occurred: it does not start the retention clock. */
    private static final String YEARS_AGO = "2022-03-01T10:00:00Z";

    /** Past the DEA's 2 years (the default retention) after the ledger recorded the client's last entry. */
    private static final Duration PAST_RETENTION = Duration.ofDays(3 * 366);

    @Autowired
    MutableClock clock;

    private String practice;
    private String writer;
    private String family;
    private String street;

    @BeforeEach
    void practice() {
        clock.reset();
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        family = unique("Quillfeather").replace("-", "");
        street = unique("Marigold").replace("-", "") + " Lane";
    }

    @Test
    void theLedgerNeverHoldsAClientsIdentityInPlaintextButTheTimelineShowsIt() {
        String client = register(StockFixture.now());
        JsonNode phone = created(post("/clients/" + client + "/contact", """
                {"phone":"+1-217-555-0199","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        created(post(
                "/clients/" + client + "/consents",
                Bodies.consent(StockFixture.now()).replace("Ada Lovelace", "Ada " + family)));
        JsonNode clearance =
                created(post("/clients/" + client + "/clearances", """
                {"source":"OUTSIDE_CLINICIAN","clinician":"Dr. Reyes, who treats %s","clearedAt":"%s",
                 "conditions":"%s to bring a driver"}
                """.formatted(family, StockFixture.now(), family)));

        assertThat(tablesHolding(client)).as("the scan finds what is stored").contains("domain_event_entry.payload");
        assertThat(tablesHolding(family)).isEmpty();
        assertThat(tablesHolding(street)).isEmpty();
        assertThat(tablesHolding("555-0199")).isEmpty();

        JsonNode entries = timeline(
                        practice, client, writer, phone.get("ledgerPosition").asLong())
                .get("entries");
        JsonNode registered = entry(entries, "ClientRegistered");
        assertThat(registered.get("legalName").get("family").asText()).isEqualTo(family);
        assertThat(registered.get("dateOfBirth").asText()).isEqualTo("1985-12-10");
        assertThat(registered.get("address").get("line1").asText()).isEqualTo(street);
        assertThat(registered.has(PersonalDataReveal.MARKER)).isFalse();
        assertThat(entry(entries, "ClientContactUpdated").get("phone").asText()).isEqualTo("+1-217-555-0199");
        // free text that names the client is sealed like the rest, and shown to those who may read it
        entries = timeline(
                        practice,
                        client,
                        writer,
                        clearance.get("ledgerPosition").asLong())
                .get("entries");
        assertThat(entry(entries, "ConsentSigned").get("signedBy").asText()).isEqualTo("Ada " + family);
        assertThat(entry(entries, "ConsentSigned").get("witnessedBy").asText()).isEqualTo("Nurse Joy");
        assertThat(entry(entries, "MedicalClearanceRecorded").get("clinician").asText())
                .isEqualTo("Dr. Reyes, who treats " + family);
        assertThat(entry(entries, "MedicalClearanceRecorded").get("conditions").asText())
                .isEqualTo(family + " to bring a driver");
    }

    @Test
    void shreddingMakesAClientUnreadableWhileEveryHashAndCountStays() {
        String old = register(YEARS_AGO);
        created(post(
                "/clients/" + old + "/consents",
                Bodies.consent("2022-03-01T11:00:00Z").replace("Ada Lovelace", "Ada " + family)));
        created(post("/clients/" + old + "/address-changes", """
                {"address":{"line1":"%s","city":"Springfield","state":"IL","postalCode":"62703"},
                 "occurredAt":"2022-06-01T10:00:00Z"}
                """.formatted(street)));
        // a client dosed today from the same practice's stock: their counts must not move
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        created(stock.receive("safe-1", "L1", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "L1", "2", "rn-1")).get("id").asText();
        long dosed = created(stock.administer("safe-1", "L1", drawId, "2"))
                .get("ledgerPosition")
                .asLong();
        long eventsBefore = eventRows();

        clock.advance(PAST_RETENTION);
        Http.Response shredded = shred(old, adminKey);

        assertThat(shredded.status()).as(shredded.toString()).isEqualTo(201);
        assertThat(eventRows()).isEqualTo(eventsBefore + 1);
        JsonNode entries = timeline(
                        practice,
                        old,
                        writer,
                        shredded.json().get("ledgerPosition").asLong())
                .get("entries");
        JsonNode registered = entry(entries, "ClientRegistered");
        assertThat(registered.get("legalName").isNull()).isTrue();
        assertThat(registered.get("dateOfBirth").isNull()).isTrue();
        assertThat(registered.get(PersonalDataReveal.MARKER).asText()).isEqualTo(PersonalDataReveal.SHREDDED);
        assertThat(entry(entries, "ClientAddressChanged")
                        .get(PersonalDataReveal.MARKER)
                        .asText())
                .isEqualTo(PersonalDataReveal.SHREDDED);
        assertThat(entry(entries, "ConsentSigned").get("consentId").asText()).isNotBlank();
        assertThat(entry(entries, "ConsentSigned").get("signedBy").isNull()).isTrue();
        assertThat(entry(entries, "ConsentSigned")
                        .get(PersonalDataReveal.MARKER)
                        .asText())
                .isEqualTo(PersonalDataReveal.SHREDDED);
        // the retention clock ran from when the ledger recorded the last entry, not from its 2022 date
        assertThat(java.time.Instant.parse(entry(entries, "ClientDataKeyShredded")
                        .get("lastActivityAt")
                        .asText()))
                .isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(jdbc.queryForObject(
                        "select wrapped_key is null and shredded_at is not null from client_data_key"
                                + " where practice_id = ? and client_id = ?",
                        Boolean.class,
                        practice,
                        old))
                .isTrue();
        assertThat(tablesHolding(family)).isEmpty();
        assertThat(tablesHolding(street)).isEmpty();

        // a ledger with nothing sealed fails verification: seal what is there first
        adminAction("/api/admin/ledger/checkpoints");
        Http.Response verification = adminAction("/api/admin/ledger/verification");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().get("integrityOk").asBoolean()).isTrue();
        assertThat(verification.json().get("completenessOk").asBoolean()).isTrue();
        assertThat(stock.lot("safe-1", "L1", dosed).get("onHand").decimalValue())
                .isEqualByComparingTo("8");
        assertThat(stock.lot("safe-1", "L1", dosed).get("onHandMilligrams").decimalValue())
                .isEqualByComparingTo("400");
    }

    @Test
    void aShreddedClientTakesNoNewPersonalDataAndIsNotShreddedTwice() {
        String old = register(YEARS_AGO);
        clock.advance(PAST_RETENTION);
        assertThat(shred(old, adminKey).status()).isEqualTo(201);
        long eventsBefore = eventRows();

        Http.Response again = shred(old, adminKey);
        Http.Response phone = post("/clients/" + old + "/contact", """
                {"phone":"+1-217-555-0100","occurredAt":"%s"}
                """.formatted(StockFixture.now()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CLIENT_DATA_SHREDDED");
        assertThat(phone.status()).isEqualTo(409);
        assertThat(phone.json().get("code").asText()).isEqualTo("CLIENT_DATA_SHREDDED");
        assertThat(eventRows()).isEqualTo(eventsBefore);
    }

    @Test
    void cannotShredBeforeTheRetentionPeriodIsOver() {
        // registered years ago, but consent signed last month: the records are still within retention
        String client = register(YEARS_AGO);
        long consent = recordConsent(practice, client, writer, StockFixture.now())
                .get("ledgerPosition")
                .asLong();
        timeline(practice, client, writer, consent);
        long eventsBefore = eventRows();

        Http.Response refused = shred(client, adminKey);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("RETENTION_PERIOD_NOT_OVER");
        assertThat(eventRows()).isEqualTo(eventsBefore);
        assertThat(entry(timeline(practice, client, writer, consent).get("entries"), "ClientRegistered")
                        .get("legalName")
                        .get("family")
                        .asText())
                .isEqualTo(family);
    }

    @Test
    void shreddingDestroysEveryExportBundleThatMayNameTheClient() throws Exception {
        String client = register(YEARS_AGO);
        String other = register(YEARS_AGO);
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        long last = recordConsent(practice, other, writer, StockFixture.now())
                .get("ledgerPosition")
                .asLong();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    adminAction("/api/admin/ledger/checkpoints");
                    Long sealed = jdbc.queryForObject("select max(global_index) from ledger_chain", Long.class);
                    return sealed != null && sealed >= last;
                });
        String mine = export(officer, "client-record", client);
        String theirs = export(officer, "client-record", other);
        String receipts = export(officer, "receipts-log", null);
        Http.Response before = download(officer, mine);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);

        clock.advance(PAST_RETENTION);
        Http.Response shredded = shred(client, adminKey);

        assertThat(shredded.status()).as(shredded.toString()).isEqualTo(201);
        assertThat(shredded.json().get("purgedExports").toString())
                .contains(mine)
                .doesNotContain(theirs, receipts);
        assertThat(download(officer, mine).json().get("code").asText()).isEqualTo("EXPORT_NOT_READY");
        assertThat(download(officer, theirs).status()).isEqualTo(200);
        assertThat(download(officer, receipts).status()).isEqualTo(200);
        try (var files = java.nio.file.Files.walk(properties.dataDir())) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile)
                            .filter(file -> file.toString().contains(mine)))
                    .as("no copy of the bundle is left on disk")
                    .isEmpty();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from export_bundle_chunk where export_id = ?", Long.class, mine))
                .as("nor in the database")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from export_bundle_chunk where export_id = ?", Long.class, theirs))
                .isPositive();
        assertThat(tablesHolding(family)).isEmpty();
    }

    @Test
    void freeTextOfAClientsStockEntriesIsSealedUnderTheirKeyShownToReadersAndGoneAfterShredding() throws Exception {
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        created(stock.post("/clients/" + stock.client + "/treatment-plans", """
                {"terms":{"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
                 "minDose":40,"maxDose":90,"maxSingleDose":80,"minIntervalDays":6},
                 "approvedBy":"md-1","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        created(stock.receive("safe-1", "PT", 1, "2027-06-30"));
        String drawId =
                created(stock.draw("safe-1", "PT", "2", "rn-1")).get("id").asText();
        // the service's clock moves two days on: the administration is charted late, with a reason
        clock.advance(Duration.ofDays(2));
        JsonNode administered = created(
                stock.post(stock.lotPath("safe-1", "PT") + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"2","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s",
                 "lateEntry":{"reason":"charted late: %s left before the note was written","cosignedBy":"md-1"},
                 "override":{"rationale":"%s had no response at 80 mg","approvedBy":"md-1"}}
                """.formatted(
                                StockFixture.now(), family, family)));
        JsonNode corrected = created(stock.post(stock.lotPath("safe-1", "PT") + "/corrections", """
                {"correctedEventId":"%s","correctedQuantity":{"amount":"1.9","unit":"ML"},
                 "reason":"%s was given 1.9 mL, not 2","correctedBy":"rn-1","approvedBy":"md-1",
                 "occurredAt":"%s","lateEntry":{"reason":"%s's chart reviewed today","cosignedBy":"md-1"}}
                """.formatted(
                administered.get("events").get(0).get("eventId").asText(), family, StockFixture.now(), family)));
        long last = corrected.get("ledgerPosition").asLong();

        assertThat(tablesHolding(family))
                .as("no table holds the text in plaintext")
                .isEmpty();
        JsonNode entries = timeline(practice, stock.client, writer, last).get("entries");
        JsonNode dose = entry(entries, "DoseAdministered");
        assertThat(dose.get("lateEntry").get("reason").asText()).contains(family);
        assertThat(dose.get("lateEntry").has("sealedReason")).isFalse();
        assertThat(dose.get("override").get("rationale").asText()).isEqualTo(family + " had no response at 80 mg");
        JsonNode correction = StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("eventType").asText().equals("DoseAdministered"))
                .findFirst()
                .orElseThrow()
                .get("corrections")
                .get(0)
                .get("details");
        assertThat(correction.get("reason").asText()).isEqualTo(family + " was given 1.9 mL, not 2");
        assertThat(correction.get("lateEntry").get("reason").asText()).isEqualTo(family + "'s chart reviewed today");
        JsonNode report = http.get("/api/practices/" + practice + "/dosing-consistency?client=" + stock.client
                        + "&atLeastPosition="
                        + administered.get("ledgerPosition").asLong())
                .key(officer)
                .send()
                .json();
        assertThat(report.get("sessions")
                        .get(0)
                        .get("overrides")
                        .get(0)
                        .get("rationale")
                        .asText())
                .contains(family);
        JsonNode exceptions = http.get(
                        "/api/practices/" + practice + "/exceptions?kind=LATE_ENTRY" + "&atLeastPosition=" + last)
                .key(officer)
                .send()
                .json();
        assertThat(exceptions.toString()).contains("reason sealed with the client's personal data");
        // the dispensing record opens both reasons for its reader, and still verifies against the events
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        java.nio.file.Path bundle = bundle(officer, export(officer, "dispensing-record", null));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            String csv = new String(
                    zip.getInputStream(zip.getEntry("dispensing-record.csv")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv)
                    .contains("charted late: " + family + " left before the note was written")
                    .contains(family + " was given 1.9 mL, not 2")
                    .doesNotContain("ciphertext");
        }
        org.doseledger.core.integrity.bundle.OfflineBundleVerifier.Result verified =
                org.doseledger.core.integrity.bundle.OfflineBundleVerifier.verify(bundle, List.of(trustedPublicKey()));
        assertThat(verified.fileProblems()).isEmpty();
        assertThat(verified.ok()).as(verified.toString()).isTrue();

        clock.advance(PAST_RETENTION);
        Http.Response shredded = shred(stock.client, adminKey);

        assertThat(shredded.status()).as(shredded.toString()).isEqualTo(201);
        entries = timeline(
                        practice,
                        stock.client,
                        writer,
                        shredded.json().get("ledgerPosition").asLong())
                .get("entries");
        dose = entry(entries, "DoseAdministered");
        assertThat(dose.get("lateEntry").get("reason").isNull()).isTrue();
        assertThat(dose.get("override").get("rationale").isNull()).isTrue();
        assertThat(dose.get(PersonalDataReveal.MARKER).asText()).isEqualTo(PersonalDataReveal.SHREDDED);
        assertThat(dose.get("lateEntry").get("cosignedBy").asText()).isEqualTo("md-1");
        assertThat(tablesHolding(family)).isEmpty();
    }

    private String export(String officer, String type, String client) {
        Http.Response created = http.post("/api/practices/" + practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"" + type + "\",\"from\":\"2022-01-01\",\"to\":\""
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2) + "\""
                        + (client == null ? "" : ",\"clientId\":\"" + client + "\"") + "}")
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).as(created.toString()).isEqualTo("DONE");
        return created.json().get("exportId").asText();
    }

    private java.nio.file.Path bundle(String officer, String exportId) throws Exception {
        java.nio.file.Path bundle = java.nio.file.Files.createTempFile("export", ".zip");
        java.net.http.HttpResponse<java.nio.file.Path> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                        + "/api/practices/" + practice + "/exports/" + exportId + "/bundle"))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);
        return bundle;
    }

    private Http.Response download(String officer, String exportId) {
        return http.get("/api/practices/" + practice + "/exports/" + exportId + "/bundle")
                .key(officer)
                .send();
    }

    @Test
    void factsDatedYearsAgoButRecordedTodayDoNotStartTheRetentionClock() {
        String client = register(YEARS_AGO);
        long eventsBefore = eventRows();

        Http.Response refused = shred(client, adminKey);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("RETENTION_PERIOD_NOT_OVER");
        assertThat(eventRows()).isEqualTo(eventsBefore);
    }

    @Test
    void onlyAnAdminShredsAndAnUnknownClientIsNotFound() {
        String old = register(YEARS_AGO);

        assertThat(shred(old, writer).status()).isEqualTo(403);
        assertThat(shred(old, issueKey("COMPLIANCE_OFFICER", practice)).status())
                .isEqualTo(403);
        assertThat(shred("no-such-client", adminKey).status()).isEqualTo(404);
    }

    private String register(String occurredAt) {
        String client = unique("client");
        created(http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("""
                        {"clientId":"%s","legalName":{"given":"Zebulon","family":"%s"},"dateOfBirth":"1985-12-10",
                         "address":{"line1":"%s","city":"Springfield","state":"IL","postalCode":"62702"},
                         "occurredAt":"%s"}
                        """.formatted(client, family, street, occurredAt))
                .send());
        return client;
    }

    private Http.Response post(String path, String body) {
        return http.post("/api/practices/" + practice + path)
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private Http.Response shred(String client, String key) {
        return http.post("/api/admin/practices/" + practice + "/clients/" + client + "/data-key/shredding")
                .key(key)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"retention period over; client left the practice\"}")
                .send();
    }

    private static JsonNode entry(JsonNode entries, String eventType) {
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("eventType").asText().equals(eventType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventType + " in " + entries))
                .get("details");
    }

    private List<String> tablesHolding(String value) {
        return org.doseledger.api.support.DatabaseScan.tablesHolding(jdbc, value);
    }
}
