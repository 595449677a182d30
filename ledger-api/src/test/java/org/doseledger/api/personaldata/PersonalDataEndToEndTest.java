package org.doseledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonalDataEndToEndTest extends EndToEndTest {

    /** Long enough ago that the DEA's 2 years (the default retention) are over. */
    private static final String YEARS_AGO = "2022-03-01T10:00:00Z";

    private String practice;
    private String writer;
    private String family;
    private String street;

    @BeforeEach
    void practice() {
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
    }

    @Test
    void shreddingMakesAClientUnreadableWhileEveryHashAndCountStays() {
        String old = register(YEARS_AGO);
        created(post("/clients/" + old + "/consents", Bodies.consent("2022-03-01T11:00:00Z")));
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
        assertThat(entry(entries, "ClientDataKeyShredded").get("lastActivityAt").asText())
                .isEqualTo("2022-06-01T10:00:00Z");
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

    /** Every table.column of the database whose text, JSON or bytes contain the value. */
    private List<String> tablesHolding(String value) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                """);
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String field = "\"" + column.get("column_name") + "\"";
            String match = column.get("data_type").equals("bytea")
                    ? "position(convert_to(?, 'UTF8') in " + field + ") > 0"
                    : field + "::text like '%' || ? || '%'";
            Long rows = jdbc.queryForObject("select count(*) from " + name + " where " + match, Long.class, value);
            if (rows != null && rows > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
