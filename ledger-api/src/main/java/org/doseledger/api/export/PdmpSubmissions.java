package org.doseledger.api.export;

import java.net.URI;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.doseledger.api.export.ExportRequests.RecordPdmpSubmissionRequest;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.export.api.ExportIds;
import org.doseledger.core.export.api.ExportTypes;
import org.doseledger.core.export.api.PdmpSubmissionStatusChangedEvent;
import org.doseledger.core.export.api.RecordPdmpSubmissionCommand;
import org.doseledger.core.shared.PracticeId;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The submission status of PDMP files. It is read from the export's own stream in the ledger (an
 * ExportGenerated and a handful of status changes), so it needs no read model of its own.
 */
@Component
public class PdmpSubmissions {

    private final ExportJobs jobs;
    private final LedgerWriter writer;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final IdempotentWrites writes;

    PdmpSubmissions(
            ExportJobs jobs, LedgerWriter writer, EventStore events, JdbcTemplate jdbc, IdempotentWrites writes) {
        this.jobs = jobs;
        this.writer = writer;
        this.events = events;
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The export, with its submission status when it is a generated PDMP file. */
    public ExportJobView find(PracticeId practiceId, String exportId) {
        ExportJobView job = jobs.find(practiceId, exportId);
        if (!job.type().equals(ExportTypes.PDMP_ASAP) || job.ledgerPosition() == null || !generated(job)) {
            return job;
        }
        return job.withPdmpSubmission(status(exportId));
    }

    /**
     * Records a status change of a PDMP file under the request's idempotency key (201 with the receipt; a
     * replay answers as the first time): the REST endpoint and the console's form both write through here.
     */
    public ResponseEntity<Object> record(
            WriteContext context, PracticeId practice, String exportId, RecordPdmpSubmissionRequest request) {
        return writes.execute(
                context,
                "POST " + ExportJobs.path(practice.value(), exportId) + "/pdmp-submission",
                request,
                () -> WriteOutcome.created(
                        URI.create(ExportJobs.path(practice.value(), exportId)),
                        WriteReceipt.of(exportId, record(context, request.toCommand(practice, exportId)))));
    }

    /**
     * Records a status change of a PDMP file; the export must be of this practice and generated. The change
     * is also kept, at its ledger position and in the same transaction, where the next PDMP file looks up
     * which files the state holds (pdmp_submission_status).
     */
    List<AppendedEvent> record(WriteContext context, RecordPdmpSubmissionCommand command) {
        ExportJobView job = jobs.find(command.practiceId(), command.exportId());
        if (!generated(job)) {
            throw new ExportNotReadyException(command.exportId(), job.status());
        }
        List<AppendedEvent> appended = writer.send(context, command);
        for (AppendedEvent event : appended) {
            jdbc.update(
                    """
                    insert into pdmp_submission_status (export_id, practice_id, status, ledger_position)
                    values (?, ?, ?, ?) on conflict do nothing
                    """,
                    command.exportId(),
                    command.practiceId().value(),
                    command.status().name(),
                    event.ledgerPosition());
        }
        return appended;
    }

    private static boolean generated(ExportJobView job) {
        return job.status().equals("DONE") || job.status().equals("EXPIRED");
    }

    private PdmpSubmissionView status(String exportId) {
        PdmpSubmissionView view = new PdmpSubmissionView("GENERATED", null, null, null);
        DomainEventStream stream = events.readEvents(ExportIds.aggregateId(exportId));
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PdmpSubmissionStatusChangedEvent changed) {
                view = new PdmpSubmissionView(
                        changed.status().name(), changed.reference(), changed.reason(), changed.occurredAt());
            }
        }
        return view;
    }
}
