package org.doseledger.api.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.MutableClock;
import org.doseledger.api.support.MutableClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A small KAP practice through five weeks, recorded as it happened: the service's clock starts five weeks
 * ago and moves with the practice, so every entry is timely. Two products (ketamine vials, Spravato
 * devices), four clients, sixteen dosing sessions (three ketamine clients weekly for four weeks, one
 * Spravato client twice weekly for two), a transfer, a loss, a destruction, a count discrepancy and a late
 * take-home dose. Every balance, in units and milligrams, is reconciled with the arithmetic done by hand;
 * the dosing report lists every session with its dose and no flag; and every violation an inspector would
 * catch is refused with nothing written.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=five-weeks")
@Import(MutableClockConfiguration.class)
class FiveWeeksOfAPracticeEndToEndTest extends EndToEndTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String KETAMINE = "42023-0113-10";
    private static final String SPRAVATO = "50458-0028-02";
    private static final String LATE =
            ",\"lateEntry\":{\"reason\":\"dispensed at the evening clinic, entered two days later\",\"cosignedBy\":\"rn-1\"}";

    @Autowired
    MutableClock clock;

    private String practice;
    private String writer;
    private String officer;
    private LocalDate monday;
    private final Map<String, String> clients = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void fiveWeeksReconcileToTheMilligramAndEveryViolationIsRefusedWithNothingWritten() {
        monday = LocalDate.now(CHICAGO).minusWeeks(5).with(java.time.DayOfWeek.MONDAY);
        // the service's clock goes back to the Monday five weeks ago, before the practice opens
        clock.advance(Duration.between(
                clock.instant(), monday.atTime(7, 0).atZone(CHICAGO).toInstant()));
        Instant opening = at(0, "08:00");
        setUpThePractice(opening);

        // week 0, Monday: the stock arrives (5 vials of 10 mL, 10 Spravato devices); the initial inventory
        created(post(lot("safe-1", KETAMINE, "K1") + "/receipts", receipt(5, "2027-06-30", "rn-1", at(0, "09:00"))));
        created(post(lot("safe-1", SPRAVATO, "S1") + "/receipts", receipt(10, "2027-03-31", "rn-1", at(0, "09:05"))));

        // violation: a count dated before the lot arrived
        refused(
                409,
                "LOT_NOT_YET_ARRIVED",
                () -> post(lot("safe-1", KETAMINE, "K1") + "/counts", """
                {"kind":"INITIAL","timing":"OPENING_OF_BUSINESS","counted":{"amount":"50","unit":"ML"},
                 "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(at(0, "08:30"))));

        // weeks 1 to 4: three ketamine clients weekly (Tuesday, 10:00, 11:00, 14:00), 2 mL drawn each time
        String[][] ketamine = {{"a", "1.6", "0.4"}, {"b", "1.5", "0.5"}, {"c", "1.8", "0.2"}};
        String[] hours = {"10:00", "11:00", "14:00"};
        for (int week = 1; week <= 4; week++) {
            if (week <= 2) {
                // the Spravato client twice a week, Monday and Thursday, two devices (56 mg)
                spravatoSession("d", week, 0);
            }
            for (int i = 0; i < ketamine.length; i++) {
                ketamineSession(ketamine[i][0], week, hours[i], ketamine[i][1], ketamine[i][2]);
            }
            if (week <= 2) {
                spravatoSession("d", week, 3);
            }
            if (week == 2) {
                // Friday: a vial's worth moves to the second safe, witnessed
                created(post(lot("safe-1", KETAMINE, "K1") + "/transfers", """
                        {"toLocationId":"safe-2","quantity":{"amount":"10","unit":"ML"},"transferredBy":"rn-1",
                         "witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(at(7 + 4, "16:00"))));
            }
            if (week == 3) {
                // Wednesday: a millilitre is missing from the second safe; Thursday: 5 mL destroyed there
                created(post(lot("safe-2", KETAMINE, "K1") + "/losses", """
                        {"quantity":{"amount":"1","unit":"ML"},"lossType":"OTHER","description":"vial short at count",
                         "reportedBy":"md-1","discoveredAt":"%s",
                         "details":{"lostOn":"%s","county":"Sangamon","estimatedValueUsd":4.2}}
                        """.formatted(
                                at(14 + 2, "17:00"), monday.plusDays(14 + 2))));
                created(post(lot("safe-2", KETAMINE, "K1") + "/destructions", """
                        {"quantity":{"amount":"5","unit":"ML"},"method":"chemical digestion (Rx Destroyer)",
                         "place":"Springfield clinic, room 4","destroyedBy":"rn-1","witnessedBy":["rn-2","md-1"],
                         "occurredAt":"%s"}
                        """.formatted(at(14 + 3, "17:00"))));
            }
        }
        // violation: a draw for a session its client was discharged from a week before
        refused(
                409,
                "SESSION_NOT_IN_PROGRESS",
                () -> post(
                        lot("safe-1", KETAMINE, "K1") + "/draws",
                        draw("1", "ml", clients.get("a"), "a-w3", at(21 + 1, "16:05"))));

        // week 4, Friday close of business: the count of safe 1 finds 0.2 mL less than the ledger expects;
        // the registrant approves the adjustment
        JsonNode count = created(post(lot("safe-1", KETAMINE, "K1") + "/counts", """
                {"kind":"ROUTINE","timing":"CLOSE_OF_BUSINESS","counted":{"amount":"15.8","unit":"ML"},
                 "exact":false,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(at(21 + 4, "17:30"))));
        refused(
                409,
                "PRACTITIONER_NOT_AUTHORIZED",
                () -> post(
                        lot("safe-1", KETAMINE, "K1") + "/discrepancies/"
                                + count.get("id").asText() + "/resolution",
                        resolution("rn-2", at(21 + 4, "17:40"))));
        created(post(
                lot("safe-1", KETAMINE, "K1") + "/discrepancies/"
                        + count.get("id").asText() + "/resolution",
                resolution("md-1", at(21 + 4, "17:45"))));

        // week 5, Wednesday: client A's take-home dose dispensed on Monday evening is entered late, with a
        // reason and a co-signer; without them it is refused, and so is a nurse dispensing one
        Instant mondayEvening = at(28, "18:30");
        Instant wednesday = at(28 + 2, "09:00");
        String takeHome = takeHome(mondayEvening, "");
        refused(409, "LATE_ENTRY_NEEDS_REASON", () -> post(lot("safe-1", KETAMINE, "K1") + "/dispensations", takeHome));
        refused(
                409,
                "TAKE_HOME_DISPENSING_NOT_PERMITTED",
                () -> post(
                        lot("safe-1", KETAMINE, "K1") + "/dispensations",
                        takeHome(wednesday, "").replace("\"dispensedBy\":\"md-1\"", "\"dispensedBy\":\"rn-1\"")));
        refused(
                409,
                "INVALID_PRESCRIPTION",
                () -> post(
                        lot("safe-1", KETAMINE, "K1") + "/dispensations",
                        takeHome(wednesday, "")
                                .replace(
                                        "\"writtenOn\":\"" + monday.plusDays(28),
                                        "\"writtenOn\":\"" + monday.minusMonths(7))));
        long last = created(post(lot("safe-1", KETAMINE, "K1") + "/dispensations", takeHome(mondayEvening, LATE)))
                .get("ledgerPosition")
                .asLong();

        // the balances, by hand. Safe 1, K1: 50 received - 12 draws of 2 - 10 transferred - 0.2 adjusted
        // - 2 taken home = 13.8 mL (690 mg). Safe 2, K1: 10 - 1 lost - 5 destroyed = 4 mL (200 mg).
        // Safe 1, S1: 10 devices - 4 sessions of 2 = 2 devices (56 mg).
        assertLot("safe-1", KETAMINE, "K1", "13.8", "690", last);
        assertLot("safe-2", KETAMINE, "K1", "4", "200", last);
        assertLot("safe-1", SPRAVATO, "S1", "2", "56", last);

        // the dosing report: sixteen sessions, each with its dose and no flag; client A's last session shows
        // the take-home dose that followed it
        JsonNode report = get("/dosing-consistency?limit=100&atLeastPosition=" + last, officer);
        assertThat(report.get("total").asInt()).isEqualTo(16);
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        JsonNode lastOfA = null;
        for (JsonNode session : report.get("sessions")) {
            assertThat(session.get("flags")).as(session.toString()).isEmpty();
            given.merge(
                    session.get("clientId").asText(),
                    session.get("administeredMilligrams").decimalValue(),
                    BigDecimal::add);
            if (session.get("clientId").asText().equals(clients.get("a"))) {
                lastOfA = session;
            }
        }
        assertThat(given.get(clients.get("a"))).isEqualByComparingTo("320"); // 4 x 1.6 mL x 50 mg
        assertThat(given.get(clients.get("b"))).isEqualByComparingTo("300"); // 4 x 1.5 mL
        assertThat(given.get(clients.get("c"))).isEqualByComparingTo("360"); // 4 x 1.8 mL
        assertThat(given.get(clients.get("d"))).isEqualByComparingTo("224"); // 4 x 2 devices x 28 mg
        assertThat(lastOfA.get("takeHomeMilligrams").decimalValue()).isEqualByComparingTo("100");

        // the take-home dose is on the record as a late entry
        JsonNode exceptions = get("/exceptions?atLeastPosition=" + last, officer);
        assertThat(exceptions.toString()).contains("LATE_ENTRY");

        assertThat(violations).as("every violation was refused").hasSize(9);
    }

    private void setUpThePractice(Instant opening) {
        practice = unique("practice");
        created(http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(practice).replace("}\n", ",\"occurredAt\":\"" + opening + "\"}\n"))
                .send());
        writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        for (String safe : new String[] {"safe-1", "safe-2"}) {
            created(post(
                    "/locations",
                    "{\"locationId\":\"" + safe + "\",\"name\":\"Safe " + safe
                            + "\",\"kind\":\"SAFE\",\"refrigerated\":false,\"occurredAt\":\"" + opening + "\"}"));
        }
        created(post("/products", """
                {"ndc":"%s","name":"Ketamine HCl 50 mg/mL","substance":"KETAMINE",
                 "dosageForm":"INJECTABLE_SOLUTION","finishedForm":"ketamine HCl injection 50 mg/mL",
                 "unit":"ML","milligramsPerUnit":50,"containerSize":10,"occurredAt":"%s"}
                """.formatted(KETAMINE, opening)));
        created(post("/products", """
                {"ndc":"%s","name":"Spravato 28 mg","substance":"ESKETAMINE","dosageForm":"NASAL_SPRAY",
                 "finishedForm":"esketamine nasal spray 28 mg","unit":"DEVICE","milligramsPerUnit":28,
                 "containerSize":1,"occurredAt":"%s"}
                """.formatted(SPRAVATO, opening)));
        String licence = ",\"licence\":{\"number\":\"IL-041-22%s\",\"state\":\"IL\",\"expiresOn\":\"2028-05-31\"}";
        practitioner("rn-1", "[\"NURSE\"]", null, licence.formatted("01"), opening);
        practitioner("rn-2", "[\"NURSE\"]", null, licence.formatted("02"), opening);
        practitioner(
                "md-1",
                "[\"PRESCRIBER\"]",
                "\"BJ6125341\"",
                licence.formatted("03")
                        + ",\"deaRegistration\":{\"expiresOn\":\"2028-06-30\",\"schedules\":[\"III\",\"IIIN\"]}",
                opening);
        for (String name : new String[] {"a", "b", "c", "d"}) {
            String clientId = unique("client-" + name);
            clients.put(name, clientId);
            created(post("/clients", Bodies.client(clientId, opening.toString())));
            boolean spravato = name.equals("d");
            created(post("/clients/" + clientId + "/consents", """
                    {"document":{"documentId":"KAP-CONSENT","version":"3","revisionDate":"2026-01-15"},
                     "signedAt":"%s","signedBy":"client","witnessedBy":"rn-1",
                     "risksAcknowledged":["dissociation","elevated blood pressure"],
                     "routes":["%s","SUBLINGUAL"],"careModels":["ADMINISTERED","DISPENSED"]}
                    """.formatted(opening, spravato ? "INTRANASAL" : "IM")));
            created(post(
                    "/clients/" + clientId + "/weights",
                    "{\"kilograms\":80,\"measuredBy\":\"rn-1\",\"occurredAt\":\"" + opening + "\"}"));
            created(post(
                    "/clients/" + clientId + "/treatment-plans",
                    spravato ? """
                    {"terms":{"dosingSessions":8,"preparationSessions":1,"integrationSessions":4,"route":"INTRANASAL",
                      "minDose":56,"maxDose":84,"maxSingleDose":84,"minIntervalDays":3,"doseBasis":"MG"},
                     "approvedBy":"md-1","occurredAt":"%s"}
                    """.formatted(opening) : """
                    {"terms":{"dosingSessions":6,"preparationSessions":1,"integrationSessions":6,"route":"IM",
                      "minDose":50,"maxDose":100,"maxSingleDose":120,"minIntervalDays":6,"doseBasis":"MG"},
                     "approvedBy":"md-1","occurredAt":"%s"}
                    """.formatted(opening)));
        }
    }

    private void practitioner(String id, String roles, String dea, String credentials, Instant at) {
        created(post(
                "/practitioners",
                "{\"practitionerId\":\"" + id + "\",\"name\":\"" + id + "\",\"roles\":" + roles + ",\"deaNumber\":"
                        + dea + credentials + ",\"occurredAt\":\"" + at + "\"}"));
    }

    /** A ketamine session of the week's Tuesday: vitals, a 2 mL draw, the dose, waste of the rest, discharge. */
    private void ketamineSession(String client, int week, String hour, String givenMl, String wastedMl) {
        String sessionId = client + "-w" + week;
        int day = (week - 1) * 7 + 1;
        Instant start = at(day, hour);
        startSession(sessionId, clients.get(client), "KETAMINE", start);
        created(post("/sessions/" + sessionId + "/vitals", vitals(at(day, hour, 3))));
        String drawId = created(post(
                        lot("safe-1", KETAMINE, "K1") + "/draws",
                        draw("2", "ML", clients.get(client), sessionId, at(day, hour, 5))))
                .get("id")
                .asText();
        created(post(lot("safe-1", KETAMINE, "K1") + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"%s","unit":"ML"},"route":"IM","administeredBy":"rn-1","occurredAt":"%s"}
                """.formatted(
                        givenMl, at(day, hour, 8))));
        created(post(lot("safe-1", KETAMINE, "K1") + "/draws/" + drawId + "/waste", """
                {"quantity":{"amount":"%s","unit":"ML"},"method":"expelled into drug disposal container",
                 "wastedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(
                        wastedMl, at(day, hour, 12))));
        if (week == 4 && client.equals("a")) {
            // violation: stock drawn for another client in this client's session
            refused(
                    409,
                    "SESSION_OF_ANOTHER_CLIENT",
                    () -> post(
                            lot("safe-1", KETAMINE, "K1") + "/draws",
                            draw("1", "ML", clients.get("b"), sessionId, at(day, hour, 20))));
        }
        created(post("/sessions/" + sessionId + "/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(at(day, hour, 90))));
    }

    /**
     * A Spravato session (REMS): blood pressure before the dose, two devices, blood pressure about 40 minutes
     * after, and again before discharge two hours after the dose; a discharge before then is refused.
     */
    private void spravatoSession(String client, int week, int weekday) {
        String sessionId = client + "-w" + week + "-" + weekday;
        int day = (week - 1) * 7 + weekday;
        String hour = "09:00";
        startSession(sessionId, clients.get(client), "ESKETAMINE", at(day, hour));
        created(post("/sessions/" + sessionId + "/vitals", vitals(at(day, hour, 5))));
        String drawId = created(post(
                        lot("safe-1", SPRAVATO, "S1") + "/draws",
                        draw("2", "DEVICE", clients.get(client), sessionId, at(day, hour, 8))))
                .get("id")
                .asText();
        created(post(lot("safe-1", SPRAVATO, "S1") + "/draws/" + drawId + "/administrations", """
                {"quantity":{"amount":"2","unit":"DEVICE"},"route":"INTRANASAL","administeredBy":"rn-1",
                 "occurredAt":"%s"}
                """.formatted(
                        at(day, hour, 10))));
        created(post("/sessions/" + sessionId + "/vitals", vitals(at(day, hour, 50))));
        if (week == 1 && weekday == 0) {
            // violations: ketamine drawn for a Spravato session; a discharge before two hours after the dose
            refused(
                    409,
                    "SESSION_FOR_ANOTHER_SUBSTANCE",
                    () -> post(
                            lot("safe-1", KETAMINE, "K1") + "/draws",
                            draw("1", "ML", clients.get(client), sessionId, at(day, hour, 20))));
            refused(
                    409,
                    "SPRAVATO_MONITORING_INCOMPLETE",
                    () -> post("/sessions/" + sessionId + "/discharge", """
                    {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                    """.formatted(at(day, hour, 75))));
        }
        created(post("/sessions/" + sessionId + "/vitals", vitals(at(day, hour, 125))));
        created(post("/sessions/" + sessionId + "/discharge", """
                {"criteriaMet":true,"escort":"partner","dischargedBy":"rn-2","dischargedAt":"%s"}
                """.formatted(at(day, hour, 131))));
    }

    private void startSession(String sessionId, String clientId, String substance, Instant start) {
        created(post("/sessions", """
                {"sessionId":"%s","clientId":"%s","substance":"%s","scheduledFor":"%s","occurredAt":"%s"}
                """.formatted(
                        sessionId, clientId, substance, start, start.minus(Duration.ofMinutes(30)))));
        created(post(
                "/sessions/" + sessionId + "/start",
                "{\"locationId\":\"safe-1\",\"monitoredBy\":\"rn-2\",\"startedAt\":\"" + start + "\"}"));
    }

    private String takeHome(Instant at, String lateEntry) {
        return """
                {"quantity":{"amount":"2","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-1",
                 "dispensedBy":"md-1","daysSupply":7,
                 "prescription":{"number":"RX-5W-1","writtenOn":"%s","refillsAuthorized":0,"paymentType":"PRIVATE_PAY"},
                 "occurredAt":"%s"%s}
                """.formatted(clients.get("a"), monday.plusDays(28), at, lateEntry);
    }

    private static String receipt(int containers, String expiresOn, String by, Instant at) {
        return """
                {"expiresOn":"%s","containers":%d,"invoiceNumber":"INV-%d",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"%s","occurredAt":"%s"}
                """.formatted(expiresOn, containers, containers, by, at);
    }

    private static String draw(String amount, String unit, String clientId, String sessionId, Instant at) {
        return """
                {"quantity":{"amount":"%s","unit":"%s"},"clientId":"%s","sessionId":"%s","drawnBy":"rn-1",
                 "witnessedBy":"rn-2","occurredAt":"%s"}
                """.formatted(amount, unit.toUpperCase(java.util.Locale.ROOT), clientId, sessionId, at);
    }

    private static String resolution(String approvedBy, Instant at) {
        return """
                {"explanation":"opened vial estimated high at the last count; residue confirmed by a second count",
                 "adjustToCount":true,"resolvedBy":"rn-1","approvedBy":"%s","occurredAt":"%s"}
                """.formatted(approvedBy, at);
    }

    private static String vitals(Instant at) {
        return """
                {"systolicMmHg":126,"diastolicMmHg":80,"heartRateBpm":72,"spo2Percent":98,"takenBy":"rn-2",
                 "takenAt":"%s"}
                """.formatted(at);
    }

    /** Moves the practice's clock to the time on the given day after the first Monday, and returns it. */
    private Instant at(int day, String time) {
        return at(day, time, 0);
    }

    private Instant at(int day, String time, int minutesAfter) {
        Instant target = monday.plusDays(day)
                .atTime(LocalTime.parse(time))
                .atZone(CHICAGO)
                .toInstant()
                .plus(Duration.ofMinutes(minutesAfter));
        Duration ahead = Duration.between(clock.instant(), target.plusSeconds(1));
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
        return target;
    }

    /** The write is refused with this problem, and the ledger holds not one event more than before it. */
    private void refused(int status, String code, java.util.function.Supplier<Http.Response> write) {
        long before = eventRows();
        Http.Response response = write.get();
        assertProblem(response, status, code);
        assertThat(eventRows()).as("nothing written for " + code).isEqualTo(before);
        violations.add(code);
    }

    private static String lot(String location, String ndc, String lot) {
        return "/stock/lots/" + location + "/" + ndc + "/" + lot;
    }

    private Http.Response post(String path, String body) {
        return http.post("/api/practices/" + practice + path)
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private JsonNode get(String path, String key) {
        Http.Response response =
                http.get("/api/practices/" + practice + path).key(key).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void assertLot(String location, String ndc, String lot, String onHand, String milligrams, long position) {
        JsonNode view = get(lot(location, ndc, lot) + "?atLeastPosition=" + position, writer);
        assertThat(view.get("onHand").decimalValue()).as(location + " " + lot).isEqualByComparingTo(onHand);
        assertThat(view.get("onHandMilligrams").decimalValue())
                .as(location + " " + lot + " mg")
                .isEqualByComparingTo(milligrams);
    }
}
