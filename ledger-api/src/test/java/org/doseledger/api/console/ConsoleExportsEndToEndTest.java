package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports in the console: requested through a form (validated like the API's body), followed to DONE, the
 * bundle downloaded and checked, and the public key handed out for the offline check.
 */
class ConsoleExportsEndToEndTest extends ConsoleTest {

    ConsoleClient officer;
    String exports;

    @BeforeEach
    void aSealedLedgerAndAnOfficerSignedIn() {
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            adminAction("/api/admin/ledger/checkpoints");
            Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
            return sealed != null && sealed >= last;
        });
        ConsoleClient.Account account = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        officer = new ConsoleClient(port);
        officer.signIn(account, account.password(), Instant.now());
        exports = "/console/practices/" + practice + "/exports";
    }

    @Test
    void anOfficerRequestsADispensingRecordDownloadsItAndSeesItVerified() throws Exception {
        ConsoleClient.Page form = officer.get(exports);
        assertThat(form.body()).contains("<option value=\"dispensing-record\"");
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        String key = unique("form");
        Map<String, String> request = Map.of(
                "type", "dispensing-record",
                "from", today.minusDays(2).toString(),
                "to", today.plusDays(1).toString(),
                "idempotencyKey", key,
                "_csrf", form.csrf());

        ConsoleClient.Page requested = officer.post(exports, request);
        ConsoleClient.Page again = officer.post(exports, request);

        assertThat(requested.status()).isEqualTo(302);
        String exportPage = requested.location().replaceFirst("^https?://[^/]+", "");
        assertThat(exportPage).startsWith(exports + "/");
        assertThat(again.location()).isEqualTo(requested.location());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> officer.get(exportPage).body().contains(">DONE<"));
        ConsoleClient.Page verified = officer.get(exportPage + "?verify=true");
        assertThat(verified.body()).contains("Verified: the files match the signed manifest");

        Path bundle = download(exportPage + "/bundle");
        String keyId = verified.body().replaceFirst("(?s).*/console/public-keys/([0-9a-f]+).*", "$1");
        ConsoleClient.Page publicKey = officer.get("/console/public-keys/" + keyId);
        Path keyFile = Files.createTempFile("console", ".pub");
        Files.writeString(keyFile, publicKey.body());
        OfflineBundleVerifier.Result offline =
                OfflineBundleVerifier.verify(bundle, List.of(OfflineBundleVerifier.readKey(keyFile)));
        assertThat(offline.ok()).as(offline.toString()).isTrue();
        assertThat(publicKey.body())
                .isEqualTo(http.get("/api/ledger/public-keys")
                        .key(adminKey)
                        .send()
                        .json()
                        .get(0)
                        .get("pem")
                        .asText());
    }

    @Test
    void aWrongRequestSaysWhatIsWrongAndRequestsNothing() {
        ConsoleClient.Page form = officer.get(exports);
        long before = jdbc.queryForObject("select count(*) from export_job", Long.class);

        ConsoleClient.Page backwards = officer.post(
                exports,
                Map.of(
                        "type", "dispensing-record",
                        "from", "2026-02-01",
                        "to", "2026-01-01",
                        "idempotencyKey", unique("form"),
                        "_csrf", form.csrf()));
        String backwardsMessage = officer.get(exports).body();
        ConsoleClient.Page unknown = officer.post(
                exports,
                Map.of(
                        "type", "no-such-report",
                        "from", "2026-01-01",
                        "to", "2026-01-31",
                        "idempotencyKey", unique("form"),
                        "_csrf", form.csrf()));
        String unknownMessage = officer.get(exports).body();
        ConsoleClient.Page badClient = officer.post(
                exports,
                Map.of(
                        "type", "client-record",
                        "from", "2026-01-01",
                        "to", "2026-01-31",
                        "clientId", "not an id",
                        "idempotencyKey", unique("form"),
                        "_csrf", form.csrf()));
        String badClientMessage = officer.get(exports).body();

        assertThat(backwards.status()).isEqualTo(302);
        assertThat(backwardsMessage).contains("is before from").contains("Nothing was requested");
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(unknownMessage).contains("unknown export type no-such-report");
        assertThat(badClient.status()).isEqualTo(302);
        assertThat(badClientMessage).contains("clientId");
        assertThat(jdbc.queryForObject("select count(*) from export_job", Long.class))
                .isEqualTo(before);
        assertThat(officer.get(exports + "/not%20an%20id").status()).isEqualTo(400);
        assertThat(officer.get(exports + "/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOfficerRecordsWhatTheStateDidWithAPdmpFileOnceAndNotAfterItWasAccepted() {
        ConsoleClient.Page form = officer.get(exports);
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        ConsoleClient.Page requested = officer.post(
                exports,
                Map.of(
                        "type", "pdmp-asap",
                        "from", today.minusDays(2).toString(),
                        "to", today.toString(),
                        "idempotencyKey", unique("pdmp"),
                        "_csrf", form.csrf()));
        String exportPage = requested.location().replaceFirst("^https?://[^/]+", "");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> officer.get(exportPage).body().contains(">DONE<"));
        ConsoleClient.Page generated = officer.get(exportPage);
        assertThat(generated.body()).contains("id=\"pdmp-status\">GENERATED<");
        String submission = exportPage + "/pdmp-submission";
        long before = statusChanges();

        Map<String, String> submitted = Map.of(
                "status",
                "SUBMITTED",
                "reference",
                "TX-2026-0042",
                "at",
                "",
                "drawnAt",
                generated.body().replaceFirst("(?s).*name=\"drawnAt\" value=\"([^\"]+)\".*", "$1"),
                "idempotencyKey",
                unique("pdmp-submitted"),
                "_csrf",
                generated.csrf());
        ConsoleClient.Page first = officer.post(submission, submitted);
        ConsoleClient.Page again = officer.post(submission, submitted);
        ConsoleClient.Page shown = officer.get(exportPage);

        assertThat(first.status()).isEqualTo(302);
        assertThat(again.status()).isEqualTo(302);
        assertThat(statusChanges()).isEqualTo(before + 1);
        ConsoleClient.Page otherValues = officer.post(submission, new java.util.HashMap<>(submitted) {
            {
                put("reference", "TX-2026-0043");
            }
        });
        assertThat(otherValues.status()).isEqualTo(409);
        assertThat(otherValues.body()).contains("This form was already sent with other values");
        assertThat(statusChanges()).isEqualTo(before + 1);
        assertThat(shown.body()).contains("id=\"pdmp-status\">SUBMITTED<").contains("TX-2026-0042");

        ConsoleClient.Page accepted = officer.post(
                submission,
                Map.of(
                        "status",
                        "ACCEPTED",
                        "at",
                        // a time of the practice's, typed with its seconds: after the file was generated
                        java.time.LocalDateTime.now(ZoneId.of("America/Chicago"))
                                .plusSeconds(1)
                                .withNano(0)
                                .toString(),
                        "idempotencyKey",
                        unique("pdmp-accepted"),
                        "_csrf",
                        shown.csrf()));
        ConsoleClient.Page settled = officer.get(exportPage);
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(settled.body()).contains("id=\"pdmp-status\">ACCEPTED<").doesNotContain("name=\"status\"");

        ConsoleClient.Page afterFinal = officer.post(
                submission,
                Map.of(
                        "status",
                        "SUBMITTED",
                        "at",
                        "",
                        "drawnAt",
                        java.time.Instant.now().toString(),
                        "idempotencyKey",
                        unique("pdmp-late"),
                        "_csrf",
                        settled.csrf()));
        String refusal = officer.get(exportPage).body();
        ConsoleClient.Page unreadable = officer.post(
                submission,
                Map.of(
                        "status",
                        "LOST",
                        "at",
                        "yesterday",
                        "idempotencyKey",
                        unique("pdmp-bad"),
                        "_csrf",
                        settled.csrf()));
        String unreadableMessage = officer.get(exportPage).body();

        assertThat(afterFinal.status()).isEqualTo(302);
        assertThat(refusal).contains("Nothing was recorded").contains("id=\"pdmp-status\">ACCEPTED<");
        assertThat(unreadable.status()).isEqualTo(302);
        assertThat(unreadableMessage).contains("Choose SUBMITTED, ACCEPTED or REJECTED");
        assertThat(statusChanges()).isEqualTo(before + 2);
    }

    private long statusChanges() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.PdmpSubmissionStatusChangedEvent'",
                Long.class);
    }

    private Path download(String path) throws Exception {
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", officer.sessionCookie())
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(Files.createTempFile("console-bundle", ".zip")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        return response.body();
    }
}
