package org.doseledger.core.export;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.export.api.ExportAlreadyGeneratedException;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.export.api.ExportNotCoveredException;
import org.doseledger.core.export.api.ExportRequestedEvent;
import org.doseledger.core.export.api.RecordExportCommand;
import org.doseledger.core.export.api.RequestExportCommand;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.Test;

class ExportTest {

    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Map<String, String> PARAMETERS = Map.of("from", "2026-01-01", "to", "2026-06-30");
    private static final Map<String, String> FILES = Map.of(
            "dispensing-record.csv", "aa".repeat(32),
            "dispensing-record.json", "bb".repeat(32));

    private static final ExportGeneratedEvent GENERATED = new ExportGeneratedEvent(
            PRACTICE, "x-1", "dispensing-record", PARAMETERS, 412, FILES, "cc".repeat(32), 1200, 7, 1200, "key-1", NOW);

    private final FixtureConfiguration<Export> fixture = new AggregateTestFixture<>(Export.class);

    private static RecordExportCommand command(long ledgerPosition, long checkpointToIndex) {
        return new RecordExportCommand(
                "x-1",
                PRACTICE,
                "dispensing-record",
                PARAMETERS,
                412,
                FILES,
                "cc".repeat(32),
                ledgerPosition,
                7,
                checkpointToIndex,
                "key-1",
                NOW);
    }

    @Test
    void canRecordAnExportInsideItsCheckpoint() {
        fixture.givenNoPriorActivity().when(command(1200, 1200)).expectEvents(GENERATED);
    }

    @Test
    void cannotRecordAnExportReadPastItsCheckpoint() {
        fixture.givenNoPriorActivity()
                .when(command(1201, 1200))
                .expectException(ExportNotCoveredException.class)
                .expectNoEvents();
    }

    private static final ExportRequestedEvent REQUESTED =
            new ExportRequestedEvent(PRACTICE, "x-1", "dispensing-record", PARAMETERS, "key-1", NOW.minusSeconds(5));

    @Test
    void anExportIsRequestedAsItsOwnEvent() {
        fixture.givenNoPriorActivity()
                .when(new RequestExportCommand(
                        "x-1", PRACTICE, "dispensing-record", PARAMETERS, "key-1", NOW.minusSeconds(5)))
                .expectEvents(REQUESTED);
    }

    @Test
    void aRequestedExportIsGeneratedOnce() {
        fixture.given(REQUESTED)
                .when(command(1200, 1200))
                .expectSuccessfulHandlerExecution()
                .expectEvents(GENERATED);
        fixture.given(REQUESTED, GENERATED)
                .when(command(1200, 1200))
                .expectException(ExportAlreadyGeneratedException.class)
                .expectNoEvents();
    }
}
