package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.doseledger.projections.export.pdmp.Asap42Validator;
import org.doseledger.projections.export.pdmp.AsapStateProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PDMP export over REST: a period without take-home doses is a zero report, its bundle holds the ASAP
 * file (hashed in the manifest, valid ASAP) beside the listing and verifies offline; then its submission
 * status moves SUBMITTED -> ACCEPTED, in order only, and shows on the export.
 */
class PdmpAsapEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String practice;
    private String officer;

    @BeforeEach
    void aSealedPractice() {
        practice = newPractice();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            return sealed != null && last != null && sealed >= last;
        });
        officer = issueKey("COMPLIANCE_OFFICER", practice);
    }

    private JsonNode export(String type) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Http.Response created = http.post("/api/practices/" + practice + "/exports")
                .key(officer)
                .idempotencyKey(unique("idem"))
                .body("{\"type\":\"" + type + "\",\"from\":\"" + today.minusDays(2) + "\",\"to\":\"" + today.plusDays(2)
                        + "\"}")
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).as(created.toString()).isEqualTo("DONE");
        return created.json();
    }

    private Http.Response submission(String key, String exportId, String body) {
        return http.post("/api/practices/" + practice + "/exports/" + exportId + "/pdmp-submission")
                .key(key)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }

    private JsonNode status(String exportId) {
        return http.get("/api/practices/" + practice + "/exports/" + exportId)
                .key(officer)
                .send()
                .json();
    }

    @Test
    void aZeroReportBundleHoldsAValidAsapFileAndVerifiesOffline() throws Exception {
        JsonNode job = export("pdmp-asap");
        assertThat(job.get("recordsTotal").asLong()).isZero();
        Path bundle = Files.createTempFile("pdmp", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + job.get("downloadUrl").asText()))
                                .header("Authorization", "Bearer " + officer)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(bundle));
        assertThat(response.statusCode()).isEqualTo(200);

        String asap = entry(bundle, "pdmp-asap.txt");
        assertThat(new Asap42Validator(AsapStateProfile.DEFAULT).validate(asap)).isEmpty();
        assertThat(asap).contains("REPORT*ZERO");
        assertThat(entry(bundle, "pdmp-asap.csv")).startsWith("status,prescriptionNumber,");
        assertThat(entry(bundle, "pdmp-asap.json")).isNotEmpty();
        JsonNode manifest = JSON.readTree(entry(bundle, "manifest.json"));
        assertThat(manifest.at("/sha256/pdmp-asap.txt").asText()).hasSize(64);
        assertThat(manifest.at("/sha256/pdmp-asap.pdf").asText()).hasSize(64);

        PublicKey key = publicKey();
        OfflineBundleVerifier.Result result = OfflineBundleVerifier.verify(bundle, List.of(key));
        assertThat(result.fileProblems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(status(job.get("exportId").asText())
                        .at("/pdmpSubmission/status")
                        .asText())
                .isEqualTo("GENERATED");
    }

    /** A time after the file was generated and not in the future: a minute or more from now, in whole seconds. */
    private static String after(int minutes) {
        return java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusSeconds(60L * minutes)
                .toString();
    }

    @Test
    void aPdmpFileIsSubmittedThenAcceptedAndNothingChangesAfter() {
        String exportId = export("pdmp-asap").get("exportId").asText();
        String acceptedAt = after(2);

        Http.Response early = submission(officer, exportId, "{\"status\":\"ACCEPTED\",\"at\":\"" + after(1) + "\"}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("PDMP_SUBMISSION_OUT_OF_ORDER");

        Http.Response submitted = submission(
                officer, exportId, "{\"status\":\"SUBMITTED\",\"reference\":\"IL-17\",\"at\":\"" + after(1) + "\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(status(exportId).at("/pdmpSubmission/status").asText()).isEqualTo("SUBMITTED");
        assertThat(status(exportId).at("/pdmpSubmission/reference").asText()).isEqualTo("IL-17");

        assertThat(submission(officer, exportId, "{\"status\":\"ACCEPTED\",\"at\":\"" + acceptedAt + "\"}")
                        .status())
                .isEqualTo(201);
        JsonNode accepted = status(exportId).get("pdmpSubmission");
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("at").asText()).isEqualTo(acceptedAt);

        Http.Response late =
                submission(officer, exportId, "{\"status\":\"REJECTED\",\"reason\":\"x\",\"at\":\"" + after(3) + "\"}");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
    }

    @Test
    void aDispensingInAFileTheStateAcceptedIsNotReportedAgainByTheNextFileOfThePeriod() {
        String writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "PD", 1, "2027-06-30"));
        // the PDMP file names the prescriber by legal name (PRE05, PRE06)
        StockFixture.created(stock.post("/practitioners", """
                {"practitionerId":"md-pd","name":"Dr. Robin Ames","roles":["PRESCRIBER"],"deaNumber":"BA6125341",
                 "legalName":{"given":"Robin","family":"Ames"},"npi":"1234567893",
                 "licence":{"number":"036-222222","state":"IL","expiresOn":"2028-01-31"},
                 "deaRegistration":{"expiresOn":"2028-06-30","schedules":["III","IIIN"]},"occurredAt":"%s"}
                """.formatted(StockFixture.inUseSince())));
        String dispensing = StockFixture.created(
                        stock.post(stock.lotPath("safe-1", "PD") + "/dispensations", """
                        {"quantity":{"amount":"1","unit":"ML"},"route":"SUBLINGUAL","clientId":"%s","prescribedBy":"md-pd",
                         "dispensedBy":"md-pd","daysSupply":7,%s,"occurredAt":"%s"}
                        """.formatted(
                                        stock.client, StockFixture.prescription("RX-PD-1"), StockFixture.now())))
                .get("events")
                .get(0)
                .get("eventId")
                .asText();

        JsonNode first = export("pdmp-asap");
        String firstId = first.get("exportId").asText();
        assertThat(first.get("recordsTotal").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select dispensing_event_id || ' ' || status from pdmp_file_record where export_id = ?",
                        String.class,
                        firstId))
                .containsExactly(dispensing + " NEW");
        String generated = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'pdmpRecords' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ExportGeneratedEvent'
                """, String.class, "export:" + firstId);
        assertThat(generated).contains(dispensing).contains("\"NEW\"");

        // generated but not yet submitted: a second file of the period still reports it
        assertThat(export("pdmp-asap").get("recordsTotal").asLong()).isEqualTo(1);

        assertThat(submission(officer, firstId, "{\"status\":\"SUBMITTED\",\"at\":\"" + after(1) + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(submission(officer, firstId, "{\"status\":\"ACCEPTED\",\"at\":\"" + after(2) + "\"}")
                        .status())
                .isEqualTo(201);

        assertThat(export("pdmp-asap").get("recordsTotal").asLong()).isZero();
    }

    @Test
    void onlyAPdmpExportHasASubmissionAndOnlyAComplianceOfficerRecordsIt() {
        String dispensingRecord = export("dispensing-record").get("exportId").asText();
        Http.Response other =
                submission(officer, dispensingRecord, "{\"status\":\"SUBMITTED\",\"at\":\"" + after(1) + "\"}");
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("NOT_A_PDMP_EXPORT");
        assertThat(status(dispensingRecord).has("pdmpSubmission")).isFalse();

        String pdmp = export("pdmp-asap").get("exportId").asText();
        String writer = issueKey("PRACTICE_WRITER", practice);
        assertThat(submission(writer, pdmp, "{\"status\":\"SUBMITTED\",\"at\":\"" + after(1) + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(submission(officer, pdmp, "{\"status\":\"LOST\",\"at\":\"" + after(1) + "\"}")
                        .status())
                .isEqualTo(400);
    }

    private PublicKey publicKey() throws Exception {
        Path keyFile = Files.createTempFile("key", ".pub");
        Files.writeString(
                keyFile,
                http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
        return OfflineBundleVerifier.readKey(keyFile);
    }

    private static String entry(Path bundle, String name) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
