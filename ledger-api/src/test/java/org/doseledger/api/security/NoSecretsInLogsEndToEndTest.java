package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Logs are shipped to places that must not hold keys or health data. Everything the service logs while
 * credentials are issued, used and refused, a client is registered, read and sent bad data, is captured
 * and searched for the secrets and the client's identifying data.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsEndToEndTest extends EndToEndTest {

    @Test
    void noKeyTokenOrClientIdentifyingDataReachesTheLog(CapturedOutput output) throws IOException {
        String marker = unique("log-capture-check");
        LoggerFactory.getLogger(NoSecretsInLogsEndToEndTest.class).warn(marker);
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        String token = TestTokens.of("officer-logs", "COMPLIANCE_OFFICER", practice);
        String family = unique("Quixotic").replace("-", "");
        String street = unique("Larkspur").replace("-", "") + " Court";
        String phone = "+1-217-555-0" + (100 + (int) (Math.random() * 800));
        String client = unique("client");

        Http.Response registered = http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(clientBody(client, family, street, "1985-12-10"))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Http.Response contact = http.post("/api/practices/" + practice + "/clients/" + client + "/contact")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"phone\":\"" + phone + "\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}")
                .send();
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        // refused writes that carry the same data: a bad date, a duplicate, an unknown field
        http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(clientBody(unique("client"), family, street, "not-a-date " + family))
                .send();
        http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body(clientBody(client, family, street, "1985-12-10"))
                .send();
        http.post("/api/practices/" + practice + "/clients")
                .key(writer)
                .idempotencyKey(unique("idem"))
                .body("{\"" + family + "\":\"" + street + "\"}")
                .send();
        // reads, and credentials that are refused
        http.get("/api/practices/" + practice + "/clients/" + client + "/timeline")
                .key(token)
                .send();
        String wrongSecret = writer.substring(0, writer.length() - 4) + "AAAA";
        String strangerToken = TestTokens.signedByStranger("officer-logs", "COMPLIANCE_OFFICER", practice);
        for (String refused : List.of(wrongSecret, strangerToken, "dlk." + family)) {
            http.get("/api/practices/" + practice).key(refused).send();
        }

        String log = output.getAll();
        assertThat(log).as("the capture sees the service's log").contains(marker);
        String adminSecret = adminKey.substring(adminKey.lastIndexOf('.') + 1);
        String masterKey = Files.readString(properties.dataDir().resolve("keys").resolve("master.key"))
                .trim();
        assertThat(log)
                .doesNotContain(writer.substring(writer.lastIndexOf('.') + 1))
                .doesNotContain(adminSecret)
                .doesNotContain(wrongSecret)
                .doesNotContain(token)
                .doesNotContain(strangerToken.substring(strangerToken.lastIndexOf('.') + 1))
                .doesNotContain(family)
                .doesNotContain(street)
                .doesNotContain(phone)
                .doesNotContain(masterKey);
    }

    private static String clientBody(String client, String family, String street, String dateOfBirth) {
        return """
                {"clientId":"%s","legalName":{"given":"Zebulon","family":"%s"},"dateOfBirth":"%s",
                 "address":{"line1":"%s","city":"Springfield","state":"IL","postalCode":"62702"},
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """.formatted(client, family, dateOfBirth, street);
    }
}
