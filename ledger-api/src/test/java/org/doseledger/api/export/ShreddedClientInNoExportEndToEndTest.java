package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doseledger.api.support.StockFixture.created;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.MutableClock;
import org.doseledger.api.support.MutableClockConfiguration;
import org.doseledger.api.support.StockFixture;
import org.doseledger.projections.export.ExportType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A client with every kind of personal data (name, birth date, address, phone, a consent, a late dose
 * whose reason names them, a take-home dose on a prescription) is exported in every export kind the
 * service has, then shredded. Afterwards no bundle made before that is still served names them, every
 * export kind made anew names them nowhere (CSV, JSON, PDF text, PDMP file, evidence), and no table
 * holds any of those values. The PDMP file of a period with the shredded client's take-home dose is
 * refused (a PDMP record needs the name), with a reason that names nobody.
 */
// shares the personal-data context: its clock moves past the retention period
@TestPropertySource(properties = "ledger.test.isolated-context=personal-data")
@Import(MutableClockConfiguration.class)
class ShreddedClientInNoExportEndToEndTest extends EndToEndTest {

    @Autowired
    MutableClock clock;

    @Autowired
    List<ExportType> exportTypes;

    @Test
    void afterShreddingNoExportOfAnyKindNamesTheClient() throws Exception {
        clock.reset();
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String officer = issueKey("COMPLIANCE_OFFICER", practice);
        String family = unique("Thistlewood").replace("-", "");
        String street = unique("Juniper").replace("-", "") + " Court";
        String client = unique("client");
        created(http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("""
                        {"clientId":"%s","legalName":{"given":"Orla","family":"%s"},"dateOfBirth":"1979-04-23",
                         "sex":"FEMALE","address":{"line1":"%s","city":"Springfield","state":"IL","postalCode":"62702"},
                         "occurredAt":"2026-11-20T15:00:00Z"}
                        """.formatted(client, family, street))
                .send());
        StockFixture stock = new StockFixture(this, http, practice, writer, client);
        created(stock.post("/clients/" + client + "/contact", """
                {"phone":"+1-217-555-0143","occurredAt":"%s"}
                """.formatted(StockFixture.now())));
        // the PDMP file names the prescriber by legal name and NPI
        created(stock.post(
                "/practitioners/md-1/identity",
                "{\"legalName\":{\"given\":\"Robin\",\"family\":\"Ames\"},\"npi\":\"1234567893\"}"));
        created(stock.receive("safe-1", "SH", 2, "2027-06-30"));
        String countId = created(
                        stock.post(stock.lotPath("safe-1", "SH") + "/counts", """
                        {"kind":"BIENNIAL","timing":"OPENING_OF_BUSINESS","counted":{"amount":"20","unit":"ML"},
                         "exact":true,"countedBy":"rn-1","witnessedBy":"rn-2","occurredAt":"%s"}
                        """.formatted(StockFixture.now())))
                .get("id")
                .asText();
        String drawId =
                created(stock.draw("safe-1", "SH", "1.5", "rn-1")).get("id").asText();
        created(stock.post(stock.lotPath("safe-1", "SH") + "/dispensations", """
                {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-1",
                 "dispensedBy":"md-1","daysSupply":7,%s,"occurredAt":"%s"}
                """.formatted(
                        client, StockFixture.prescription("RX-SH-1"), StockFixture.now())));
        // the dose is charted two days late, and its reason names the client
        clock.advance(Duration.ofDays(2));
        long last = created(stock.post(
                        stock.lotPath("safe-1", "SH") + "/draws/" + drawId + "/administrations",
                        """
                        {"quantity":{"amount":"1.5","unit":"ML"},"route":"IM","administeredBy":"rn-1",
                         "occurredAt":"%s","lateEntry":{"reason":"%s's chart was found today","cosignedBy":"md-1"}}
                        """.formatted(StockFixture.now(), family)))
                .get("ledgerPosition")
                .asLong();
        awaitSealed(last);
        List<String> values = List.of(family, street, "1979-04-23", "19790423", "04/23/1979", "555-0143", "5550143");

        Map<String, String> before = exportEveryKind(practice, officer, client, countId);
        assertThat(failures).as("every export kind is made before shredding").isEmpty();
        String beforeText = String.join("\n", texts(officer, practice, before).values());
        assertThat(beforeText)
                .as("the exports name the client before shredding")
                .contains(family, street);

        clock.advance(Duration.ofDays(3 * 366));
        Http.Response shredded = http.post(
                        "/api/admin/practices/" + practice + "/clients/" + client + "/data-key/shredding")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body("{\"reason\":\"retention period over\"}")
                .send();
        assertThat(shredded.status()).as(shredded.toString()).isEqualTo(201);

        Map<String, String> earlier = texts(officer, practice, before);
        Map<String, String> after = texts(officer, practice, exportEveryKind(practice, officer, client, countId));
        assertThat(after.size() + failures.size())
                .as("every export kind is made again")
                .isEqualTo(exportTypes.size());
        after.putAll(failures);
        for (String value : values) {
            earlier.forEach((kind, text) -> assertThat(text)
                    .as("the earlier " + kind + " bundle still served")
                    .doesNotContain(value));
            after.forEach((kind, text) ->
                    assertThat(text).as("a new " + kind + " bundle").doesNotContain(value));
            assertThat(tablesHolding(value)).as(value).isEmpty();
        }
    }

    /** Exports refused, by kind: the job as answered. */
    private final Map<String, String> failures = new LinkedHashMap<>();

    /** One export of each kind the service has, by kind: its id (refused ones are in {@link #failures}). */
    private Map<String, String> exportEveryKind(String practice, String officer, String client, String countId) {
        Map<String, String> made = new LinkedHashMap<>();
        for (ExportType type : exportTypes) {
            StringBuilder body = new StringBuilder("{\"type\":\"" + type.name() + "\",\"from\":\"2026-01-01\",\"to\":\""
                    + LocalDate.now(ZoneOffset.UTC).plusDays(2 * 366) + "\"");
            if (type.requiredParameters().contains("clientId")) {
                body.append(",\"clientId\":\"").append(client).append('"');
            }
            if (type.requiredParameters().contains("recordId")) {
                body.append(",\"recordId\":\"").append(countId).append('"');
            }
            Http.Response created = http.post("/api/practices/" + practice + "/exports")
                    .key(officer)
                    .idempotencyKey(unique("idem"))
                    .body(body.append('}').toString())
                    .send();
            assertThat(created.status()).as(type.name() + " " + created).isEqualTo(201);
            if (created.json().get("status").asText().equals("FAILED")) {
                // a PDMP record needs the client's name and birth date: after shredding the file is refused
                assertThat(type.name()).as(created.toString()).isEqualTo("pdmp-asap");
                assertThat(created.json().get("failure").asText()).contains("was shredded");
                failures.put(type.name(), created.json().toString());
                continue;
            }
            assertThat(created.json().get("status").asText())
                    .as(created.toString())
                    .isEqualTo("DONE");
            made.put(type.name(), created.json().get("exportId").asText());
        }
        return made;
    }

    /** The text of each bundle still served (CSV, JSON, PDF text, every other entry), by kind. */
    private Map<String, String> texts(String officer, String practice, Map<String, String> exports) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> export : exports.entrySet()) {
            Path bundle = Files.createTempFile("export", ".zip");
            HttpResponse<Path> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/practices/" + practice
                                            + "/exports/" + export.getValue() + "/bundle"))
                                    .header("Authorization", "Bearer " + officer)
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(bundle));
            if (response.statusCode() == 200) {
                texts.put(export.getKey(), text(bundle));
            }
            Files.deleteIfExists(bundle);
        }
        return texts;
    }

    private static String text(Path bundle) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().endsWith(".pdf")) {
                        try (PDDocument pdf = Loader.loadPDF(bytes)) {
                            text.append(new PDFTextStripper().getText(pdf));
                        }
                    } else {
                        text.append(new String(bytes, StandardCharsets.UTF_8));
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private void awaitSealed(long position) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= position;
        });
    }

    private List<String> tablesHolding(String value) {
        return org.doseledger.api.support.DatabaseScan.tablesHolding(jdbc, value);
    }
}
