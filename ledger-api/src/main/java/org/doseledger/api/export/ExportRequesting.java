package org.doseledger.api.export;

import java.net.URI;
import java.util.UUID;
import org.doseledger.api.export.ExportRequests.CreateExportRequest;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.core.shared.PracticeId;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Requesting an export, as the API and the console both do it: recorded once per idempotency key, queued, and
 * for a small export awaited so that the answer can say DONE at once.
 */
@Service
public class ExportRequesting {

    private final IdempotentWrites writes;
    private final ExportJobs jobs;

    ExportRequesting(IdempotentWrites writes, ExportJobs jobs) {
        this.writes = writes;
        this.jobs = jobs;
    }

    /** 201 with the export's status; a replay of the same key answers as the first time. */
    public ResponseEntity<Object> request(WriteContext context, PracticeId practice, CreateExportRequest request) {
        ResponseEntity<Object> created =
                writes.execute(context, "POST /api/practices/" + practice.value() + "/exports", request, () -> {
                    String exportId = UUID.randomUUID().toString();
                    return WriteOutcome.created(
                            URI.create(ExportJobs.path(practice.value(), exportId)),
                            jobs.request(exportId, practice, request, context));
                });
        URI location = created.getHeaders().getLocation();
        if (location == null) {
            return created;
        }
        String path = location.getPath();
        String exportId = path.substring(path.lastIndexOf('/') + 1);
        jobs.awaitIfSmall(exportId);
        return ResponseEntity.status(created.getStatusCode())
                .headers(created.getHeaders())
                .body(jobs.find(practice, exportId));
    }
}
