package org.doseledger.api.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * What the PDMP file and the DEA forms name and the ledger now records: the practice's phone and contact
 * person, a practitioner's legal name in parts and NPI; malformed values are refused with nothing written.
 */
class PdmpIdentitiesEndToEndTest extends EndToEndTest {

    @Test
    void aPracticeIsRegisteredWithThePhoneAndContactItsFormsName() {
        String practiceId = unique("practice");
        String body = Bodies.practice(practiceId)
                .replace("\"timeZone\"", "\"phone\":\"2175550100\",\"contactName\":\"Dana Whitfield\",\"timeZone\"");

        assertThat(register(adminKey, "/api/practices", body).status()).isEqualTo(201);

        JsonNode practice =
                http.get("/api/practices/" + practiceId).key(adminKey).send().json();
        assertThat(practice.get("phone").asText()).isEqualTo("2175550100");
        assertThat(practice.get("contactName").asText()).isEqualTo("Dana Whitfield");
    }

    @Test
    void aPhoneWithPunctuationIsRefusedAndWritesNothing() {
        String practiceId = unique("practice");
        long before = eventRows();

        Http.Response response = register(
                adminKey,
                "/api/practices",
                Bodies.practice(practiceId).replace("\"timeZone\"", "\"phone\":\"(217) 555-0100\",\"timeZone\""));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("phone");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aPrescriberIsRegisteredWithTheLegalNameAndNpiThePdmpFileReports() {
        String practiceId = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practiceId);

        Http.Response response = register(writer, "/api/practices/" + practiceId + "/practitioners", """
                {"practitionerId":"md-7","name":"Dr. Robin Ames, MD","roles":["PRESCRIBER"],"deaNumber":"BA6125341",
                 "legalName":{"given":"Robin","family":"Ames-Okafor"},"npi":"1234567893",
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode practitioners = http.get("/api/practices/" + practiceId + "/practitioners")
                .key(writer)
                .send()
                .json();
        JsonNode md7 = practitioners.isArray()
                ? practitioners.get(0)
                : practitioners.get("items").get(0);
        assertThat(md7.get("npi").asText()).isEqualTo("1234567893");
        assertThat(md7.get("legalName").get("given").asText()).isEqualTo("Robin");
        assertThat(md7.get("legalName").get("family").asText()).isEqualTo("Ames-Okafor");
    }

    @Test
    void anNpiWithAWrongCheckDigitIsRefusedAndWritesNothing() {
        String practiceId = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practiceId);
        long before = eventRows();

        Http.Response response = register(writer, "/api/practices/" + practiceId + "/practitioners", """
                {"practitionerId":"md-7","name":"Dr. Robin Ames","roles":["PRESCRIBER"],"deaNumber":"BA6125341",
                 "npi":"1234567890","occurredAt":"2026-11-20T15:00:00Z"}
                """);

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("npi");
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo("NPI 1234567890 fails its check digit (expected 3)");
        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aPracticeAndAPractitionerRegisteredWithoutThemRecordTheirIdentityLater() {
        String practiceId = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practiceId);
        assertThat(register(writer, "/api/practices/" + practiceId + "/practitioners", """
                        {"practitionerId":"md-8","name":"Dr. Robin Ames","roles":["PRESCRIBER"],"deaNumber":"BA6125341",
                         "occurredAt":"2026-11-20T15:00:00Z"}
                        """)
                        .status())
                .isEqualTo(201);

        assertThat(register(
                                writer,
                                "/api/practices/" + practiceId + "/practitioners/md-8/identity",
                                "{\"legalName\":{\"given\":\"Robin\",\"family\":\"Ames\"},\"npi\":\"1234567893\"}")
                        .status())
                .isEqualTo(201);
        assertThat(register(
                                adminKey,
                                "/api/practices/" + practiceId + "/contact",
                                "{\"phone\":\"2175550100\",\"contactName\":\"Dana Whitfield\"}")
                        .status())
                .isEqualTo(201);

        JsonNode practitioners = http.get("/api/practices/" + practiceId + "/practitioners")
                .key(writer)
                .send()
                .json();
        JsonNode md8 = practitioners.isArray()
                ? practitioners.get(0)
                : practitioners.get("items").get(0);
        assertThat(md8.get("legalName").get("family").asText()).isEqualTo("Ames");
        assertThat(md8.get("npi").asText()).isEqualTo("1234567893");
        JsonNode practice =
                http.get("/api/practices/" + practiceId).key(adminKey).send().json();
        assertThat(practice.get("phone").asText()).isEqualTo("2175550100");
        assertThat(practice.get("contactName").asText()).isEqualTo("Dana Whitfield");
    }

    @Test
    void aDeaNumberWithAWrongCheckDigitIsAValidationErrorNamingIt() {
        String practiceId = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practiceId);

        Http.Response response = register(writer, "/api/practices/" + practiceId + "/practitioners", """
                {"practitionerId":"md-9","name":"Dr. Robin Ames","roles":["PRESCRIBER"],"deaNumber":"BA6125342",
                 "occurredAt":"2026-11-20T15:00:00Z"}
                """);

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("deaNumber");
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo("DEA number BA6125342 fails its check digit (expected 1)");
    }

    @Test
    void aContactWithoutANameIsRefusedAndWritesNothing() {
        String practiceId = newPractice();
        long before = eventRows();

        Http.Response response = register(
                adminKey,
                "/api/practices/" + practiceId + "/contact",
                "{\"phone\":\"2175550100\",\"contactName\":\" \"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(eventRows()).isEqualTo(before);
    }

    private Http.Response register(String key, String path, String body) {
        return http.post(path)
                .key(key)
                .idempotencyKey(unique("idem"))
                .body(body)
                .send();
    }
}
