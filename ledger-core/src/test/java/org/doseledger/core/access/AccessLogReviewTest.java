package org.doseledger.core.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.access.api.AccessLogReviewedEvent;
import org.doseledger.core.access.api.InvalidReviewPeriodException;
import org.doseledger.core.access.api.MarkAccessLogReviewedCommand;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.Test;

class AccessLogReviewTest {

    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

    private final FixtureConfiguration<AccessLogReview> fixture = reviews();

    private static FixtureConfiguration<AccessLogReview> reviews() {
        FixtureConfiguration<AccessLogReview> fixture = new AggregateTestFixture<>(AccessLogReview.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void anOfficerMarksAPastPeriodReviewed() {
        fixture.givenNoPriorActivity()
                .when(new MarkAccessLogReviewedCommand(
                        PRACTICE, "r-1", NOVEMBER, NOW, "J. Doe, compliance", "key-9", "  nothing unusual "))
                .expectEvents(new AccessLogReviewedEvent(
                        PRACTICE, "r-1", NOVEMBER, NOW, "J. Doe, compliance", "key-9", "nothing unusual", NOW));
    }

    @Test
    void aReviewWithoutANoteRecordsNone() {
        fixture.givenNoPriorActivity()
                .when(new MarkAccessLogReviewedCommand(
                        PRACTICE, "r-1", NOVEMBER, NOW, "J. Doe, compliance", "key-9", " "))
                .expectEvents(new AccessLogReviewedEvent(
                        PRACTICE, "r-1", NOVEMBER, NOW, "J. Doe, compliance", "key-9", null, NOW));
    }

    @Test
    void cannotReviewAPeriodThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new MarkAccessLogReviewedCommand(
                        PRACTICE, "r-1", NOW, NOVEMBER, "J. Doe, compliance", "key-9", null))
                .expectException(InvalidReviewPeriodException.class)
                .expectNoEvents();
    }

    @Test
    void cannotReviewAnEmptyPeriod() {
        fixture.givenNoPriorActivity()
                .when(new MarkAccessLogReviewedCommand(
                        PRACTICE, "r-1", NOVEMBER, NOVEMBER, "J. Doe, compliance", "key-9", null))
                .expectException(InvalidReviewPeriodException.class)
                .expectNoEvents();
    }

    @Test
    void cannotReviewAPeriodThatHasNotEnded() {
        fixture.givenNoPriorActivity()
                .when(new MarkAccessLogReviewedCommand(
                        PRACTICE, "r-1", NOVEMBER, NOW.plusSeconds(1), "J. Doe, compliance", "key-9", null))
                .expectException(InvalidReviewPeriodException.class)
                .expectNoEvents();
    }
}
