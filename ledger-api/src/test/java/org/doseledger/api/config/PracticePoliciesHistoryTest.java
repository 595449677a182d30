package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.junit.jupiter.api.Test;

/** Policies stored before accessLogReviewDays existed read back with its default, not as "no review". */
class PracticePoliciesHistoryTest {

    @Test
    void policiesSetBeforeAccessLogReviewsExistedTakeTheDefaultInterval() throws IOException {
        String stored = Files.readString(Path.of(
                "src/test/resources/approved-events/history/PracticePoliciesSetEvent-before-access-log-review.json"));

        PracticePoliciesSetEvent event =
                JacksonConfiguration.ledgerMapper().readValue(stored, PracticePoliciesSetEvent.class);

        assertThat(event.policies().accessLogReviewDays()).isEqualTo(PracticePolicies.DEFAULT_ACCESS_LOG_REVIEW_DAYS);
        assertThat(event.policies().doseIncreaseLimitPercent()).isEqualTo(20);
    }
}
