package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * Business metrics on the Prometheus scrape: events appended by type (counted once their transaction
 * commits) and writes refused by rule code.
 */
class BusinessMetricsEndToEndTest extends EndToEndTest {

    @Test
    void eventsAppendedAreCountedByTypeAndRefusalsByCode() {
        String practice = newPractice();
        // a second practice under the first one's DEA number
        Http.Response duplicate = http.post("/api/practices")
                .key(adminKey)
                .idempotencyKey(unique("idem"))
                .body(Bodies.practice(practice)
                        .replace(
                                "\"practiceId\":\"" + practice + "\"", "\"practiceId\":\"" + unique("practice") + "\""))
                .send();
        assertProblem(duplicate, 409, "DEA_NUMBER_ALREADY_REGISTERED");

        String scrape = http.get("/actuator/prometheus").send().text();

        assertThat(scrape)
                .containsPattern("ledger_events_appended_total\\{[^}]*type=\"PracticeRegistered\"[^}]*\\} [1-9]");
        assertThat(scrape)
                .containsPattern(
                        "ledger_writes_refused_total\\{[^}]*code=\"DEA_NUMBER_ALREADY_REGISTERED\"[^}]*\\} [1-9]");
    }
}
