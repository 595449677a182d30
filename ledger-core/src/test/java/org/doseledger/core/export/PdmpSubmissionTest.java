package org.doseledger.core.export;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.export.api.NotAPdmpExportException;
import org.doseledger.core.export.api.PdmpSubmissionOutOfOrderException;
import org.doseledger.core.export.api.PdmpSubmissionStatus;
import org.doseledger.core.export.api.PdmpSubmissionStatusChangedEvent;
import org.doseledger.core.export.api.RecordPdmpSubmissionCommand;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.Test;

class PdmpSubmissionTest {

    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final Instant GENERATED = Instant.parse("2026-05-01T11:30:00Z");
    private static final Instant AT = Instant.parse("2026-05-01T14:00:00Z");

    /** The ledger's clock: the day after the file was generated. */
    private static final Instant NOW = Instant.parse("2026-05-02T09:00:00Z");

    private final FixtureConfiguration<Export> fixture = new AggregateTestFixture<>(Export.class)
            .registerInjectableResource(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    @Test
    void cannotRecordASubmissionDatedInTheFuture() {
        fixture.given(generated("pdmp-asap"))
                .when(new RecordPdmpSubmissionCommand(
                        "x-1",
                        PRACTICE,
                        PdmpSubmissionStatus.SUBMITTED,
                        "IL-2030",
                        null,
                        Instant.parse("2030-01-01T00:00:00Z")))
                .expectNoEvents()
                .expectException(org.doseledger.core.shared.OccurredInFutureException.class);
    }

    @Test
    void cannotRecordASubmissionBeforeTheFileWasGenerated() {
        fixture.given(generated("pdmp-asap"))
                .when(new RecordPdmpSubmissionCommand(
                        "x-1", PRACTICE, PdmpSubmissionStatus.SUBMITTED, "IL-1", null, GENERATED.minusSeconds(60)))
                .expectNoEvents()
                .expectException(org.doseledger.core.export.api.PdmpSubmissionBeforeGenerationException.class);
    }

    @Test
    void aFileOnlyRequestedIsNotSubmitted() {
        fixture.given(new org.doseledger.core.export.api.ExportRequestedEvent(
                        PRACTICE, "x-1", "pdmp-asap", Map.of(), "key-1", GENERATED.minusSeconds(60)))
                .when(record(PdmpSubmissionStatus.SUBMITTED, "IL-1", null))
                .expectNoEvents()
                .expectException(org.doseledger.core.export.api.PdmpSubmissionOutOfOrderException.class);
    }

    private static ExportGeneratedEvent generated(String type) {
        return new ExportGeneratedEvent(
                PRACTICE,
                "x-1",
                type,
                Map.of("from", "2026-04-01", "to", "2026-04-30"),
                3,
                Map.of(type + ".csv", "aa".repeat(32)),
                "cc".repeat(32),
                1200,
                7,
                1200,
                "key-1",
                GENERATED);
    }

    private static RecordPdmpSubmissionCommand record(PdmpSubmissionStatus status, String reference, String reason) {
        return new RecordPdmpSubmissionCommand("x-1", PRACTICE, status, reference, reason, AT);
    }

    private static PdmpSubmissionStatusChangedEvent changed(
            PdmpSubmissionStatus status, String reference, String reason) {
        return new PdmpSubmissionStatusChangedEvent(PRACTICE, "x-1", status, reference, reason, AT);
    }

    @Test
    void canSubmitAGeneratedPdmpFile() {
        fixture.given(generated("pdmp-asap"))
                .when(record(PdmpSubmissionStatus.SUBMITTED, "IL-20260501-17", null))
                .expectEvents(changed(PdmpSubmissionStatus.SUBMITTED, "IL-20260501-17", null));
    }

    @Test
    void canAcceptASubmittedFile() {
        fixture.given(generated("pdmp-asap"), changed(PdmpSubmissionStatus.SUBMITTED, "IL-1", null))
                .when(record(PdmpSubmissionStatus.ACCEPTED, "IL-1", null))
                .expectEvents(changed(PdmpSubmissionStatus.ACCEPTED, "IL-1", null));
    }

    @Test
    void canRejectASubmittedFileAndSubmitItAgain() {
        fixture.given(
                        generated("pdmp-asap"),
                        changed(PdmpSubmissionStatus.SUBMITTED, "IL-1", null),
                        changed(PdmpSubmissionStatus.REJECTED, "IL-1", "TT02 count wrong"))
                .when(record(PdmpSubmissionStatus.SUBMITTED, "IL-2", null))
                .expectEvents(changed(PdmpSubmissionStatus.SUBMITTED, "IL-2", null));
    }

    @Test
    void cannotRecordASubmissionOfAnotherExportType() {
        fixture.given(generated("dispensing-record"))
                .when(record(PdmpSubmissionStatus.SUBMITTED, null, null))
                .expectException(NotAPdmpExportException.class)
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAFileNeverSubmitted() {
        fixture.given(generated("pdmp-asap"))
                .when(record(PdmpSubmissionStatus.ACCEPTED, null, null))
                .expectException(PdmpSubmissionOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRejectAFileNeverSubmitted() {
        fixture.given(generated("pdmp-asap"))
                .when(record(PdmpSubmissionStatus.REJECTED, null, "bad"))
                .expectException(PdmpSubmissionOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void cannotSubmitAFileTwiceWithoutARejection() {
        fixture.given(generated("pdmp-asap"), changed(PdmpSubmissionStatus.SUBMITTED, null, null))
                .when(record(PdmpSubmissionStatus.SUBMITTED, null, null))
                .expectException(PdmpSubmissionOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnAcceptedFile() {
        fixture.given(
                        generated("pdmp-asap"),
                        changed(PdmpSubmissionStatus.SUBMITTED, null, null),
                        changed(PdmpSubmissionStatus.ACCEPTED, null, null))
                .when(record(PdmpSubmissionStatus.REJECTED, null, "late complaint"))
                .expectException(PdmpSubmissionOutOfOrderException.class)
                .expectNoEvents();
    }
}
