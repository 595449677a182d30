package org.doseledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuditFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStockEventIsAboutItsLotsPracticeAndLocationAndNamesEveryActorAndWitness() throws Exception {
        JsonNode destroyed = json.readTree("""
                {"lot":{"practiceId":"springfield","locationId":"safe-1","ndc":"42023-0113-10","lotNumber":"L1"},
                 "destroyedBy":"rn-1","witnessedBy":["rn-2","md-1"],
                 "lateEntry":{"reason":"outage","cosignedBy":"md-2"}}
                """);

        AuditFields fields = AuditFields.of(destroyed, "rn-1");

        assertThat(fields.practiceId()).isEqualTo("springfield");
        assertThat(fields.locationId()).isEqualTo("safe-1");
        assertThat(fields.ndc()).isEqualTo("42023-0113-10");
        assertThat(fields.clientId()).isNull();
        assertThat(fields.practitioners()).containsExactly("md-1", "md-2", "rn-1", "rn-2");
    }

    @Test
    void aClinicalEventIsAboutItsClientAndSignaturesByNameAreNotPractitioners() throws Exception {
        JsonNode consent = json.readTree("""
                {"practiceId":"springfield","clientId":"c-1","signedBy":"Ada Lovelace","supersededBy":"consent-2",
                 "substance":"KETAMINE","therapistId":"th-1","practitionerId":null}
                """);

        AuditFields fields = AuditFields.of(consent, null);

        assertThat(fields.practiceId()).isEqualTo("springfield");
        assertThat(fields.clientId()).isEqualTo("c-1");
        assertThat(fields.substance()).isEqualTo("KETAMINE");
        assertThat(fields.locationId()).isNull();
        assertThat(fields.practitioners()).containsExactly("th-1");
    }
}
