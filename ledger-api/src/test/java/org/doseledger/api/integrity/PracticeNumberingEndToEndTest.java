package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A service that lies when it writes (an event of a practice appended without its number) is found by the
 * ledger's verification, which the exports' completeness rests on. Its own database: the forged event
 * stays.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=practice-numbering")
class PracticeNumberingEndToEndTest extends EndToEndTest {

    @Test
    void anEventOfAPracticeWrittenWithoutItsNumberFailsTheVerification() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        newClient(practice, writer);
        adminAction("/api/admin/ledger/checkpoints");
        Http.Response genuine = adminAction("/api/admin/ledger/verification");
        assertThat(genuine.json().get("completenessOk").asBoolean())
                .as(genuine.toString())
                .isTrue();

        jdbc.update(
                """
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'StockLot', 'unnumbered-1', convert_to('{"credentialId":"key-1"}', 'UTF8'),
                        convert_to(?, 'UTF8'), '1', 'org.doseledger.core.stock.api.StockDestroyedEvent',
                        '2026-12-07T00:00:00Z')
                """,
                "lot:" + practice + ":safe-1:42023-0113-10:HIDDEN",
                "{\"lot\":{\"practiceId\":\"" + practice + "\",\"lotNumber\":\"HIDDEN\"}}");

        Http.Response verification = adminAction("/api/admin/ledger/verification");
        JsonNode report = verification.json();
        assertThat(report.get("completenessOk").asBoolean())
                .as(verification.toString())
                .isFalse();
        assertThat(report.toString()).contains("PRACTICE_NUMBERING").contains("has no number");
    }
}
