package org.doseledger.core.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.compliance.api.AcknowledgeExceptionCommand;
import org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent;
import org.doseledger.core.compliance.api.ExceptionAlreadyAcknowledgedException;
import org.doseledger.core.compliance.api.ExceptionAlreadyResolvedException;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.compliance.api.ExceptionResolvedEvent;
import org.doseledger.core.compliance.api.ResolutionNeedsNoteException;
import org.doseledger.core.compliance.api.ResolveExceptionCommand;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExceptionReviewTest {

    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final String ID = "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7";
    private static final ExceptionKind KIND = ExceptionKind.DRAW_OVERDUE;
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final ExceptionAcknowledgedEvent ACKNOWLEDGED = new ExceptionAcknowledgedEvent(
            PRACTICE, ID, KIND, "J. Doe, compliance", "asked rn-1 for the waste record", NOW);
    private static final ExceptionResolvedEvent RESOLVED =
            new ExceptionResolvedEvent(PRACTICE, ID, KIND, "J. Doe, compliance", "waste entered late", NOW);

    private FixtureConfiguration<ExceptionReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExceptionReview.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anOfficerAcknowledgesAnExceptionWithANote() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeExceptionCommand(
                        PRACTICE, ID, KIND, "J. Doe, compliance", "  asked rn-1 for the waste record "))
                .expectEvents(ACKNOWLEDGED);
    }

    @Test
    void anAcknowledgementWithoutANoteRecordsNone() {
        fixture.givenNoPriorActivity()
                .when(new AcknowledgeExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", " "))
                .expectEvents(new ExceptionAcknowledgedEvent(PRACTICE, ID, KIND, "J. Doe, compliance", null, NOW));
    }

    @Test
    void anExceptionIsAcknowledgedOnce() {
        fixture.given(ACKNOWLEDGED)
                .when(new AcknowledgeExceptionCommand(PRACTICE, ID, KIND, "A. N. Other", "me too"))
                .expectException(ExceptionAlreadyAcknowledgedException.class)
                .expectNoEvents();
    }

    @Test
    void anAcknowledgedExceptionIsResolvedWithANote() {
        fixture.given(ACKNOWLEDGED)
                .when(new ResolveExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", "waste entered late"))
                .expectEvents(RESOLVED);
    }

    @Test
    void anExceptionMayBeResolvedWithoutBeingAcknowledgedFirst() {
        fixture.givenNoPriorActivity()
                .when(new ResolveExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", "waste entered late"))
                .expectEvents(RESOLVED);
    }

    @Test
    void aResolutionNeedsANote() {
        fixture.given(ACKNOWLEDGED)
                .when(new ResolveExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", "   "))
                .expectException(ResolutionNeedsNoteException.class)
                .expectNoEvents();
    }

    @Test
    void aResolvedExceptionIsClosed() {
        fixture.given(ACKNOWLEDGED, RESOLVED)
                .when(new ResolveExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", "again"))
                .expectException(ExceptionAlreadyResolvedException.class)
                .expectNoEvents();
        fixture.given(RESOLVED)
                .when(new AcknowledgeExceptionCommand(PRACTICE, ID, KIND, "J. Doe, compliance", null))
                .expectException(ExceptionAlreadyResolvedException.class)
                .expectNoEvents();
    }
}
