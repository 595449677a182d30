package org.doseledger.api.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper history comes in through an explicit import: each entry names it, is marked as imported (with the
 * source document and the attesting practitioner) instead of as late, and the queue holds one exception for
 * the import rather than one LATE_ENTRY per entry.
 */
class HistoryImportEndToEndTest extends EndToEndTest {

    private StockFixture stock;
    private String officer;
    private final Instant threeDaysAgo =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));

    @BeforeEach
    void aPracticeWithAPaperBinder() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        officer = issueKey("COMPLIANCE_OFFICER", practice);
        stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        created(stock.post(
                "/history-imports", """
                {"importId":"binder","sourceDocument":"Controlled substance binder (scanned)",
                 "sourceSha256":"%s","coversFrom":"%s","coversTo":"%s","attestedBy":"md-1"}
                """.formatted("ab".repeat(32), today.minusDays(10), today.minusDays(2))));
    }

    @Test
    void anImportedEntryIsMarkedAsImportedAndTheQueueHoldsOneExceptionForTheImport() {
        JsonNode receipt = created(receipt("IMP", "{\"importId\":\"binder\"}"));

        JsonNode late = receipt.get("events").get(0);
        JsonNode entry = auditEntry(
                late.get("eventId").asText(), receipt.get("ledgerPosition").asLong());
        JsonNode lateEntry = entry.get("payload").get("lateEntry");
        assertThat(lateEntry.get("importId").asText()).isEqualTo("binder");
        assertThat(lateEntry.get("reason").asText())
                .isEqualTo("Imported from Controlled substance binder (scanned) (history import binder)");
        assertThat(lateEntry.get("cosignedBy").asText()).isEqualTo("md-1");
        List<String> kinds = new ArrayList<>();
        queue(receipt.get("ledgerPosition").asLong())
                .get("exceptions")
                .forEach(exception -> kinds.add(exception.get("kind").asText()));
        assertThat(kinds).contains("HISTORY_IMPORTED").doesNotContain("LATE_ENTRY");
    }

    @Test
    void anEntryNamesAnOpenImportOfItsPeriodOrIsRefusedWithNothingWritten() {
        Http.Response unknown = receipt("U1", "{\"importId\":\"no-such-binder\"}");
        Http.Response both =
                receipt("U2", "{\"importId\":\"binder\",\"reason\":\"tablet offline\",\"cosignedBy\":\"md-1\"}");
        created(stock.post("/history-imports/binder/closure", "{\"closedBy\":\"md-1\"}"));
        Http.Response closed = receipt("U3", "{\"importId\":\"binder\"}");
        Http.Response closedAgain = stock.post("/history-imports/binder/closure", "{\"closedBy\":\"md-1\"}");

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(both.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(409);
        assertThat(closed.json().get("code").asText()).isEqualTo("HISTORY_IMPORT_NOT_OPEN");
        assertThat(closedAgain.status()).isEqualTo(409);
        Http.Response receipts = http.get(
                        "/api/practices/" + stock.practice + "/audit-trail?eventType=StockReceived&limit=500")
                .key(officer)
                .send();
        assertThat(receipts.toString()).doesNotContain("INV-U1", "INV-U2", "INV-U3");
    }

    @Test
    void anImportCoversAPastPeriodAndIsAttestedByAPractitioner() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Http.Response future =
                stock.post("/history-imports", """
                {"importId":"future","sourceDocument":"binder","sourceSha256":"%s","coversFrom":"%s",
                 "coversTo":"%s","attestedBy":"md-1"}
                """.formatted("ab".repeat(32), today.minusDays(1), today.plusDays(5)));
        Http.Response stranger =
                stock.post("/history-imports", """
                {"importId":"stranger","sourceDocument":"binder","sourceSha256":"%s","coversFrom":"%s",
                 "coversTo":"%s","attestedBy":"nobody"}
                """.formatted("ab".repeat(32), today.minusDays(9), today.minusDays(5)));
        Http.Response badHash = stock.post("/history-imports", """
                {"importId":"bad","sourceDocument":"binder","sourceSha256":"not-a-hash","coversFrom":"%s",
                 "coversTo":"%s","attestedBy":"md-1"}
                """.formatted(today.minusDays(9), today.minusDays(5)));

        assertThat(future.status()).as(future.toString()).isEqualTo(409);
        assertThat(future.json().get("code").asText()).isEqualTo("HISTORY_IMPORT_PERIOD_INVALID");
        assertThat(stranger.status()).as(stranger.toString()).isIn(404, 409);
        assertThat(badHash.status()).isEqualTo(400);
    }

    private Http.Response receipt(String lot, String lateEntry) {
        return stock.post(stock.lotPath("safe-1", lot) + "/receipts", """
                {"expiresOn":"2027-06-30","containers":1,"invoiceNumber":"INV-%s",
                 "supplier":{"name":"Henry Schein","deaNumber":"AB1234563",
                   "address":{"line1":"135 Duryea Rd","city":"Melville","state":"NY","postalCode":"11747"}},
                 "receivedBy":"rn-1","occurredAt":"%s","lateEntry":%s}
                """.formatted(lot, threeDaysAgo, lateEntry));
    }

    private JsonNode auditEntry(String eventId, long position) {
        Http.Response response = http.get(
                        "/api/practices/" + stock.practice + "/audit-trail?atLeastPosition=" + position + "&limit=500")
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode entry : response.json().get("entries")) {
            if (entry.get("eventId").asText().equals(eventId)) {
                return entry;
            }
        }
        throw new AssertionError("no audit entry " + eventId + " in " + response);
    }

    private JsonNode queue(long position) {
        Http.Response response = http.get(
                        "/api/practices/" + stock.practice + "/exceptions?atLeastPosition=" + position)
                .key(officer)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
