package org.doseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.Test;

/**
 * HIPAA audit controls (45 CFR 164.312(b)): every read that returns data about a client is on the access
 * log, whatever its filters, JSON or CSV. The endpoints are taken from the API document, not listed by
 * hand: each GET endpoint is called with every role that may use it, with the ids of a practice whose
 * client has a consent, stock movements, a dose and an export; any answer that names the client must have
 * been recorded as a ClientDataAccessed event carrying that request's id.
 */
class EveryClientDataReadIsLoggedEndToEndTest extends EndToEndTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyReadThatNamesAClientIsRecorded() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String client = newClient(practice, writer);
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        StockFixture.created(stock.receive("safe-1", "AL1", 1, "2030-01-31"));
        JsonNode draw = StockFixture.created(stock.draw("safe-1", "AL1", "1", "rn-1"));
        long last = StockFixture.created(
                        stock.administer("safe-1", "AL1", draw.get("id").asText(), "1"))
                .get("ledgerPosition")
                .asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(global_index) from ledger_chain", Long.class);
            return sealed != null && sealed >= last;
        });
        JsonNode export = http.post("/api/practices/" + practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"client-record\",\"from\":\"2026-11-01\",\"to\":\""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\",\"clientId\":\"" + client + "\"}")
                .send()
                .json();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("practiceId", practice);
        ids.put("clientId", client);
        ids.put(
                "consentId",
                jdbc.queryForObject(
                        "select consent_id from consent_registry where practice_id = ? and client_id = ? limit 1",
                        String.class,
                        practice,
                        client));
        ids.put("locationId", "safe-1");
        ids.put("ndc", StockFixture.NDC);
        ids.put("lotNumber", "AL1");
        ids.put("drawId", draw.get("id").asText());
        ids.put("exportId", export.get("exportId").asText());
        List<String> keys = List.of(officer, writer, adminKey, issueKey("REGULATOR", practice));

        List<String> unrecorded = new ArrayList<>();
        List<String> namingTheClient = new ArrayList<>();
        apiDocument().path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || !path.getKey().startsWith("/api/")) {
                return;
            }
            String url = fill(path.getKey(), ids);
            if (url == null) {
                return;
            }
            for (String accept : List.of("application/json", "text/csv")) {
                for (String key : keys) {
                    Http.Response response = http.get(url + (url.contains("?") ? "&" : "?") + "atLeastPosition=" + last)
                            .key(key)
                            .header("Accept", accept)
                            .send();
                    if (response.status() != 200 || !response.text().contains(client)) {
                        continue;
                    }
                    String read = "GET " + path.getKey() + " (" + accept + ")";
                    namingTheClient.add(read);
                    String requestId = response.header("X-Request-Id").orElseThrow();
                    if (!recorded(requestId)) {
                        unrecorded.add(read);
                    }
                    break;
                }
            }
        });

        assertThat(namingTheClient).as("reads found that name the client").hasSizeGreaterThan(5);
        assertThat(unrecorded).as("reads of client data not on the access log").isEmpty();
    }

    private boolean recorded(String requestId) {
        return jdbc.queryForObject("""
                select exists (select 1 from domain_event_entry
                               where payload_type = 'org.doseledger.core.access.api.ClientDataAccessedEvent'
                                 and convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?)
                """, Boolean.class, requestId);
    }

    private JsonNode apiDocument() {
        Http.Response response = http.get("/v3/api-docs").send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** The path with its variables filled in from the known ids; null when one is unknown. */
    private static String fill(String template, Map<String, String> ids) {
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder url = new StringBuilder();
        while (variables.find()) {
            String value = ids.get(variables.group(1));
            if (value == null) {
                return null;
            }
            variables.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        variables.appendTail(url);
        return url.toString();
    }
}
