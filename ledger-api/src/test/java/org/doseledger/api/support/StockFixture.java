package org.doseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A practice ready to hold stock: two safes, a 50 mg/mL ketamine product in 10 mL vials, two nurses, a
 * prescriber, a therapist and a client with a consent and a ketamine session in progress; plus helpers
 * that post stock movements as practice software would. The practice waives the treatment plan (most
 * tests here are about stock); tests of plans approve one or set the policy back.
 */
public class StockFixture {

    public static final String NDC = "42023-0113-10";

    /** The client's ketamine session, started a month ago and not ended: the draws of {@link #draw} are for it. */
    public static final String SESSION = "stock-session";

    public final String practice;
    public final String writer;
    public final String client;
    private final Http http;

    public StockFixture(EndToEndTest test, Http http, String practice, String writer, String client) {
        this(http, practice, writer, client, policies -> test.setPolicies(practice, policies));
    }

    /** A practice on a service of its own (another process), whose policies its ADMIN key sets. */
    public StockFixture(String adminKey, Http http, String practice, String writer, String client) {
        this(
                http,
                practice,
                writer,
                client,
                policies -> http.post("/api/practices/" + practice + "/policies")
                        .key(adminKey)
                        .idempotencyKey("policies-" + java.util.UUID.randomUUID())
                        .body(policies)
                        .send());
    }

    private StockFixture(
            Http http,
            String practice,
            String writer,
            String client,
            java.util.function.Function<String, Http.Response> setPolicies) {
        this(http, practice, writer, client);
        for (String safe : new String[] {"safe-1", "safe-2"}) {
            created(post(
                    "/locations",
                    "{\"locationId\":\"" + safe + "\",\"name\":\"Main safe " + safe
                            + "\",\"kind\":\"SAFE\",\"refrigerated\":false,\"occurredAt\":\"" + inUseSince()
                            + "\"}"));
        }
        created(post("/products", """
                {"ndc":"%s","name":"Ketamine HCl 50 mg/mL","substance":"KETAMINE",
                 "dosageForm":"INJECTABLE_SOLUTION","finishedForm":"ketamine HCl injection 50 mg/mL",
                 "unit":"ML","milligramsPerUnit":50,"containerSize":10,"occurredAt":"%s"}
                """.formatted(NDC, inUseSince())));
        practitioner("rn-1", "[\"NURSE\"]", null, LICENCE);
        practitioner("rn-2", "[\"NURSE\"]", null, LICENCE);
        practitioner(
                "md-1",
                "[\"PRESCRIBER\"]",
                "\"BJ6125341\"",
                LICENCE + ",\"deaRegistration\":{\"expiresOn\":\"2028-06-30\",\"schedules\":[\"III\",\"IIIN\"]}");
        practitioner("th-1", "[\"THERAPIST\"]", null, "");
        created(post("/clients/" + client + "/consents", """
                {"document":{"documentId":"KAP-DOSING-CONSENT","version":"2","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation","elevated blood pressure"],
                 "routes":["IM","SUBLINGUAL"],"careModels":["ADMINISTERED","DISPENSED"]}
                """.formatted(now())));
        created(setPolicies.apply("{\"doseIncreaseLimitPercent\":25,\"requireTreatmentPlan\":false}"));
        String sessionStart =
                Instant.parse(inUseSince()).plus(1, ChronoUnit.MINUTES).toString();
        startSession(SESSION, client, sessionStart);
    }

    /** Schedules and starts a ketamine session of a client at {@code startedAt}, monitored by rn-2 in safe-1. */
    public void startSession(String sessionId, String clientId, String startedAt) {
        created(post("/sessions", """
                {"sessionId":"%s","clientId":"%s","substance":"KETAMINE","scheduledFor":"%s"}
                """.formatted(sessionId, clientId, startedAt)));
        created(post(
                "/sessions/" + sessionId + "/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + startedAt + "\"}"));
    }

    /** When the fixture's safes and product came into use: a month ago, before any entry of a test. */
    public static String inUseSince() {
        return Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(30, ChronoUnit.DAYS)
                .toString();
    }

    private StockFixture(Http http, String practice, String writer, String client) {
        this.http = http;
        this.practice = practice;
        this.writer = writer;
        this.client = client;
    }

    /** The stock of a practice set up already (by another fixture), reached through this node. */
    public static StockFixture existing(Http http, String practice, String writer, String client) {
        return new StockFixture(http, practice, writer, client);
    }

    /** The {@code "prescription"} member of a dispensation: written two days ago, paid privately. */
    public static String prescription(String number) {
        return "\"prescription\":{\"number\":\"" + number + "\",\"writtenOn\":\""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2)
                + "\",\"refillsAuthorized\":0,\"paymentType\":\"PRIVATE_PAY\"}";
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString();
    }

    public String lotPath(String location, String lot) {
        return "/stock/lots/" + location + "/" + NDC + "/" + lot;
    }

    public Http.Response receive(String location, String lot, int vials, String expiresOn) {
        return receiveAt(location, lot, vials, expiresOn, now());
    }

    /**
     * A receipt the morning before, for tests whose doses are dated earlier today: a lot takes nothing
     * before it arrived. Still within the late-entry window.
     */
    public Http.Response receiveYesterday(String location, String lot, int vials, String expiresOn) {
        return receiveAt(
                location,
                lot,
                vials,
                expiresOn,
                Instant.now()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .minus(23, ChronoUnit.HOURS)
                        .toString());
    }

    private Http.Response receiveAt(String location, String lot, int vials, String expiresOn, String occurredAt) {
        return post(lotPath(location, lot) + "/receipts", """
                {"expiresOn":"%s","containers":%d,"invoiceNumber":"INV-%s",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s"}
                """.formatted(expiresOn, vials, lot, occurredAt));
    }

    public Http.Response draw(String location, String lot, String millilitres, String by) {
        return post(lotPath(location, lot) + "/draws", """
                {"quantity":{"amount":"%s","unit":"ML"},"clientId":"%s","sessionId":"%s","drawnBy":"%s",
                 "occurredAt":"%s"}
                """.formatted(millilitres, client, SESSION, by, now()));
    }

    public Http.Response administer(String location, String lot, String drawId, String millilitres) {
        return post(
                lotPath(location, lot) + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"%s","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """.formatted(millilitres, now()));
    }

    public Http.Response waste(
            String location, String lot, String drawId, String millilitres, String by, String witness) {
        return post(
                lotPath(location, lot) + "/draws/" + drawId + "/waste", """
                {"quantity":{"amount":"%s","unit":"ML"},"method":"expelled into drug disposal container",
                 "wastedBy":"%s","witnessedBy":"%s","occurredAt":"%s"}
                """.formatted(millilitres, by, witness, now()));
    }

    public JsonNode lot(String location, String lot, long atLeastPosition) {
        Http.Response response = http.get(
                        "/api/practices/" + practice + lotPath(location, lot) + "?atLeastPosition=" + atLeastPosition)
                .key(writer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public Http.Response get(String path) {
        return http.get("/api/practices/" + practice + path).key(writer).send();
    }

    public Http.Response post(String path, String body) {
        return http.post("/api/practices/" + practice + path)
                .key(writer)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .body(body)
                .send();
    }

    public static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A state licence valid for years, for practitioners who handle stock. */
    static final String LICENCE =
            ",\"licence\":{\"number\":\"IL-041-2201\",\"state\":\"IL\",\"expiresOn\":\"2028-05-31\"}";

    private void practitioner(String id, String roles, String dea, String credentials) {
        created(post(
                "/practitioners",
                "{\"practitionerId\":\"" + id + "\",\"name\":\"" + id + "\",\"roles\":" + roles + ",\"deaNumber\":"
                        + dea + credentials + ",\"occurredAt\":\"" + inUseSince() + "\"}"));
    }
}
