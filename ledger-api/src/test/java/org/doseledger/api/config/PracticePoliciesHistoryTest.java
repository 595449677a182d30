package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.junit.jupiter.api.Test;

/**
 * Policies stored before a field existed read back with its default: accessLogReviewDays as 30 days, not
 * "no review"; requireTreatmentPlan as required; nursesMayDispenseTakeHome as not permitted.
 */
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

    @Test
    void policiesSetBeforeThePlanPolicyExistedRequireAPlan() throws IOException {
        String stored = Files.readString(
                Path.of(
                        "src/test/resources/approved-events/history/PracticePoliciesSetEvent-before-treatment-plan-policy.json"));

        PracticePoliciesSetEvent event =
                JacksonConfiguration.ledgerMapper().readValue(stored, PracticePoliciesSetEvent.class);

        assertThat(stored).doesNotContain("requireTreatmentPlan");
        assertThat(event.policies().requireTreatmentPlan()).isTrue();
    }

    @Test
    void policiesSetBeforeTheTakeHomeFlagExistedLetOnlyPrescribersDispenseTakeHomeDoses() throws IOException {
        String stored = Files.readString(Path.of(
                "src/test/resources/approved-events/history/PracticePoliciesSetEvent-before-take-home-policy.json"));

        PracticePoliciesSetEvent event =
                JacksonConfiguration.ledgerMapper().readValue(stored, PracticePoliciesSetEvent.class);

        assertThat(event.policies().nursesMayDispenseTakeHome()).isFalse();
        assertThat(event.policies().requireMedicalClearance()).isTrue();
    }
}
