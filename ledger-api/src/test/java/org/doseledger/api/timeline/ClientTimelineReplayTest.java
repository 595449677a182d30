package org.doseledger.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClientTimelineReplayTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProjectionPositions positions;

    @Test
    void rebuildingTheTimelineFromZeroGivesTheSameTable() {
        String practice = newPractice();
        String writer = issueKey("PRACTICE_WRITER", practice);
        long last = 0;
        for (int i = 0; i < 3; i++) {
            String client = newClient(practice, writer);
            String consentId = recordConsent(practice, client, writer, "2026-11-2" + i + "T15:30:00Z")
                    .get("id")
                    .asText();
            last = http.post("/api/practices/" + practice + "/clients/" + client + "/consents/" + consentId
                            + "/revocation")
                    .key(writer)
                    .idempotencyKey(unique("idem"))
                    .body(Bodies.revocation("2026-11-25T09:00:00Z"))
                    .send()
                    .json()
                    .get("ledgerPosition")
                    .asLong();
        }
        long upTo = last;
        awaitTimelineAt(upTo);
        List<Map<String, Object>> before = timelineRows();
        StreamingEventProcessor processor = processing
                .eventProcessor(ClientTimelineProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from client_timeline", Long.class))
                .as("the reset handler empties the table")
                .isZero();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());
        awaitTimelineAt(upTo);

        assertThat(timelineRows()).hasSizeGreaterThanOrEqualTo(9).isEqualTo(before);
    }

    private void awaitTimelineAt(long position) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> positions.hasReached(ClientTimelineProjection.PROCESSING_GROUP, position));
    }

    private List<Map<String, Object>> timelineRows() {
        return jdbc.queryForList("""
                select ledger_position, event_id, practice_id, client_id, event_type, occurred_at, recorded_at,
                       credential_id, practitioner_id, request_id, details::text as details
                from client_timeline order by ledger_position
                """);
    }
}
