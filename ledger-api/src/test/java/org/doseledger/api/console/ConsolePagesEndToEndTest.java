package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's reading pages over HTTP: inventory, a lot's movements, the accountability answer on a past
 * date both ways, a client's timeline, the audit trail with its CSV, and the access log; each with the roles
 * of its REST twin, refusing bad input with a page that says what is wrong, and recording reads of client
 * data.
 */
class ConsolePagesEndToEndTest extends ConsoleTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    ConsoleClient officer;
    ConsoleClient.Account officerAccount;

    @BeforeEach
    void anOfficerSignedIn() {
        officerAccount = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        officer = new ConsoleClient(port);
        officer.signIn(officerAccount, officerAccount.password(), Instant.now());
    }

    @Test
    void theInventoryListsEachLotByLocationAndTheLotPageItsMovements() {
        ConsoleClient.Page inventory = officer.get("/console/practices/" + practice + "/inventory");
        String lotPath = "/console/practices/" + practice + "/lots/safe-1/" + StockFixture.NDC + "/A";
        ConsoleClient.Page lot = officer.get(lotPath);

        assertThat(inventory.status()).isEqualTo(200);
        assertThat(inventory.body())
                .contains("Location <span>safe-1</span>")
                .contains(lotPath)
                .contains("KETAMINE");
        assertThat(lot.status()).isEqualTo(200);
        assertThat(lot.body())
                .contains("RECEIVED")
                .contains("DRAWN")
                .contains("ADMINISTERED")
                .contains(client);
        assertThat(officer.get("/console/practices/" + practice + "/lots/safe-1/" + StockFixture.NDC + "/NOPE")
                        .status())
                .isEqualTo(404);
        assertThat(officer.get("/console/practices/" + practice + "/lots/safe-1/not-an-ndc/A")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theAccountabilityPageAnswersAPastDateAsKnownNowAndAsShownThen() {
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(30));
        long recorded = StockFixture.created(
                        stock.post(stock.lotPath("safe-2", "B") + "/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-B",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s",
                 "lateEntry":{"reason":"invoice found in the mail tray","cosignedBy":"md-1"}}
                """.formatted(occurred)))
                .get("ledgerPosition")
                .asLong();
        awaitStock(recorded);
        LocalDate day = occurred.atZone(CHICAGO).toLocalDate();

        ConsoleClient.Page answer = officer.get("/console/practices/" + practice + "/accountability?date=" + day);

        assertThat(answer.status()).isEqualTo(200);
        String row = answer.body().substring(answer.body().indexOf("/lots/safe-2/"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row)
                .contains("10")
                .contains("not yet in the ledger")
                .contains("late entry")
                .contains("RECEIVED");
        assertThat(answer.body()).contains("lot(s) differ");
        assertThat(officer.get("/console/practices/" + practice + "/accountability?date=yesterday")
                        .status())
                .isEqualTo(400);
    }

    /** The pages show what the read model holds: wait until the stock read model holds this position. */
    private void awaitStock(long position) {
        assertThat(http.get("/api/practices/" + practice + "/inventory?atLeastPosition=" + position)
                        .key(writer)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aClientsTimelineIsShownAndItsViewIsRecordedWithTheClient() {
        ConsoleClient.Page timeline = officer.get("/console/practices/" + practice + "/clients/" + client);

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("ConsentSigned").contains("DoseAdministered");
        assertThat(officer.get("/console/practices/" + practice + "/clients/nobody-here")
                        .status())
                .isEqualTo(404);
        assertThat(officer.get("/console/practices/" + practice + "/clients/bad%20id")
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("""
                        select count(*) from domain_event_entry
                        where payload_type = 'org.doseledger.core.access.api.ClientDataAccessedEvent'
                          and convert_from(payload, 'UTF8')::jsonb ->> 'clientId' = ?
                          and convert_from(payload, 'UTF8')::jsonb ->> 'credentialId' = ?
                        """, Long.class, client, officerAccount.keyId()))
                .isEqualTo(1L);
    }

    @Test
    void aClientsDosesAreChartedFromTheDosingReportAndThePracticesDistributionListsEachPractitioner() {
        ConsoleClient.Page doses = officer.get("/console/practices/" + practice + "/clients/" + client + "/doses");
        ConsoleClient.Page distribution = officer.get("/console/practices/" + practice + "/dosing?days=30");

        assertThat(doses.status()).isEqualTo(200);
        assertThat(doses.body())
                .contains("<script type=\"application/json\" id=\"dose-data\">{\"t\":[")
                .contains("\"mg\":[50")
                .contains("\"intervalDays\":[")
                .contains("\"wasteShare\":[")
                .contains("data-series=\"intervalDays\"")
                .contains("data-series=\"wasteShare\"")
                .contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(distribution.status()).isEqualTo(200);
        assertThat(distribution.body())
                .contains("Whole practice")
                .contains("rn-1")
                .containsPattern(
                        "<svg class=\"boxplot\" role=\"img\"[^>]*aria-label=\"KETAMINE [A-Z]+: administered mg")
                .contains("<rect class=\"box\"")
                .contains("<line class=\"median\"");
        assertThat(officer.get("/console/practices/" + practice + "/dosing?days=0")
                        .status())
                .isEqualTo(400);
        assertThat(officer.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status())
                .isEqualTo(200);
    }

    @Test
    void aGuidedInventoryCountsEveryLotInOneWriteAndOpensADiscrepancyWhereTheCountDiffers() {
        String form = "/console/practices/" + practice + "/counts/new";
        ConsoleClient.Page page = officer.get(form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"lot-0\"").contains("value=\"safe-1|" + StockFixture.NDC + "|A\"");
        assertThat(page.body()).doesNotContain(">19<");
        long before = eventRows();

        ConsoleClient.Page notANumber = count(page, Map.of("unopened-0", "1", "opened-0", "nine"));
        String notANumberMessage = officer.get(form).body();
        count(page, Map.of("unopened-0", "1.5", "opened-0", "4"));
        String fractionMessage = officer.get(form).body();
        long afterRefusals = eventRows();
        ConsoleClient.Page matching = count(page, Map.of("unopened-0", "1", "opened-0", "9"));
        String matchingMessage = officer.get(local(matching.location())).body();
        ConsoleClient.Page differing = count(page, Map.of("unopened-0", "1", "opened-0", "8.5", "estimated-0", "true"));
        String differingMessage = officer.get(local(differing.location())).body();

        assertThat(notANumber.status()).isEqualTo(302);
        assertThat(notANumberMessage)
                .contains("opened containers is not a number: nine")
                .contains("Nothing was recorded");
        assertThat(fractionMessage).contains("sealed containers are a whole number");
        assertThat(afterRefusals).isEqualTo(before);
        assertThat(matchingMessage).contains("Recorded the routine count of 1 lot(s); every lot matches its balance");
        assertThat(differingMessage).contains("1 lot(s) differ from their balance");
        String stream = "lot:" + practice + ":safe-1:" + StockFixture.NDC + ":A";
        List<String> counts = jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type = 'org.doseledger.core.stock.api.StockCountedEvent' order by global_index",
                String.class,
                stream);
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0))
                .contains("\"amount\":19")
                .contains("\"exact\":true")
                .contains("\"rn-2\"");
        assertThat(counts.get(1)).contains("\"amount\":18.5").contains("\"exact\":false");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type = 'org.doseledger.core.stock.api.DiscrepancyRecordedEvent'",
                        Long.class,
                        stream))
                .isEqualTo(1L);
        ConsoleClient.Account regulatorAccount = ConsoleClient.open(http, adminKey, "REGULATOR", practice);
        ConsoleClient regulator = new ConsoleClient(port);
        regulator.signIn(regulatorAccount, regulatorAccount.password(), Instant.now());
        assertThat(regulator.get(form).status()).isEqualTo(403);
    }

    @Test
    void aCountDiscrepancyIsResolvedFromItsExceptionWithAPrescribersApproval() {
        ConsoleClient.Page form = officer.get("/console/practices/" + practice + "/counts/new");
        ConsoleClient.Page counted = count(form, Map.of("unopened-0", "1", "opened-0", "8"));
        long position = Long.parseLong(counted.location().replaceFirst(".*atLeastPosition=", ""));
        com.fasterxml.jackson.databind.JsonNode queue = http.get(
                        "/api/practices/" + practice + "/exceptions?kind=DISCREPANCY_OPEN&atLeastPosition=" + position)
                .key(issueKey("COMPLIANCE_OFFICER", practice))
                .send()
                .json();
        String exceptionId = queue.get("exceptions").get(0).get("exceptionId").asText();
        String queuePage = "/console/practices/" + practice + "/exceptions";
        ConsoleClient.Page page = officer.get(queuePage);
        assertThat(page.body()).contains("Resolve the discrepancy").contains("md-1");
        String resolve = queuePage + "/" + exceptionId + "/discrepancy-resolution";

        ConsoleClient.Page unapproved = officer.post(
                resolve,
                Map.of(
                        "explanation",
                        "one vial miscounted",
                        "adjustToCount",
                        "false",
                        "resolvedBy",
                        "rn-1",
                        "approvedBy",
                        "",
                        "idempotencyKey",
                        unique("d"),
                        "_csrf",
                        page.csrf()));
        String unapprovedMessage = officer.get(queuePage).body();
        ConsoleClient.Page resolved = officer.post(
                resolve,
                Map.of(
                        "explanation",
                        "1 mL spilled at the count, witnessed",
                        "adjustToCount",
                        "true",
                        "resolvedBy",
                        "rn-1",
                        "approvedBy",
                        "md-1",
                        "idempotencyKey",
                        unique("d"),
                        "_csrf",
                        page.csrf()));
        String after = officer.get(local(resolved.location())).body();

        assertThat(unapproved.status()).isEqualTo(302);
        assertThat(unapprovedMessage).contains("the prescriber who approved").contains("Nothing was recorded");
        assertThat(after).contains("Discrepancy resolved").contains("the balance now takes the count");
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type = 'org.doseledger.core.stock.api.DiscrepancyResolvedEvent'",
                String.class,
                "lot:" + practice + ":safe-1:" + StockFixture.NDC + ":A");
        assertThat(payload)
                .contains("1 mL spilled at the count")
                .contains("\"approvedBy\":\"md-1\"")
                .contains("\"adjustment\":{\"amount\":-1,\"unit\":\"ML\"}")
                .contains("\"balanceAfter\":{\"amount\":18,\"unit\":\"ML\"}");
        assertThat(officer.post(
                                queuePage + "/" + unwitnessed + "/discrepancy-resolution",
                                Map.of(
                                        "explanation",
                                        "x",
                                        "resolvedBy",
                                        "rn-1",
                                        "approvedBy",
                                        "md-1",
                                        "idempotencyKey",
                                        unique("d"),
                                        "_csrf",
                                        page.csrf()))
                        .status())
                .isEqualTo(400);
    }

    private ConsoleClient.Page count(ConsoleClient.Page form, Map<String, String> lot) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "kind", "ROUTINE",
                "timing", "CLOSE_OF_BUSINESS",
                "countedBy", "rn-1",
                "witnessedBy", "rn-2",
                "idempotencyKey", unique("count"),
                "_csrf", form.csrf(),
                "lot-0", "safe-1|" + StockFixture.NDC + "|A"));
        fields.putAll(lot);
        return officer.post("/console/practices/" + practice + "/counts", fields);
    }

    private static String local(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void theAuditTrailIsSearchedByFiltersAndDownloadedAsTheApisCsv() {
        String search = "/console/practices/" + practice + "/audit-trail?eventType=DoseDrawn&practitioner=rn-1";

        ConsoleClient.Page page = officer.get(search);
        ConsoleClient.Page csv = officer.get("/console/practices/" + practice
                + "/audit-trail.csv?eventType=DoseDrawn&practitioner=rn-1&occurredFrom="
                + LocalDate.now(CHICAGO).minusDays(1));
        ConsoleClient.Page empty = officer.get(search + "&occurredFrom=2020-01-01&occurredTo=2020-01-31");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("DoseDrawn").doesNotContain("<td>StockReceived</td>");
        assertThat(page.body()).contains("audit-trail.csv?eventType=DoseDrawn&amp;practitioner=rn-1");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("ledgerPosition,eventId,eventType,occurredAt");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",DoseDrawn,");
        assertThat(empty.body()).contains("No event matches");
        assertThat(officer.get(search + "&client=bad%20id").status()).isEqualTo(400);
        ConsoleClient.Page backwards = officer.get(search + "&occurredFrom=2026-02-01&occurredTo=2026-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("before the first");
    }

    @Test
    void theAccessLogShowsTheConsolesOwnReadsAndIsTheOfficersAndAdminsOnly() {
        officer.get("/console/practices/" + practice + "/clients/" + client);
        ConsoleClient.Account regulatorAccount = ConsoleClient.open(http, adminKey, "REGULATOR", practice);
        ConsoleClient regulator = new ConsoleClient(port);
        regulator.signIn(regulatorAccount, regulatorAccount.password(), Instant.now());

        // the access log is a read model too: it shows the read once it has caught up
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ConsoleClient.Page log = officer.get("/console/practices/" + practice + "/access-log?client=" + client);
            assertThat(log.status()).isEqualTo(200);
            assertThat(log.body())
                    .contains("GET /console/practices/{practiceId}/clients/{clientId}")
                    .contains(officerAccount.keyId());
        });
        assertThat(regulator
                        .get("/console/practices/" + practice + "/access-log")
                        .status())
                .isEqualTo(403);
    }
}
