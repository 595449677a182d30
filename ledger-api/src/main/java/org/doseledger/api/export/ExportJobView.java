package org.doseledger.api.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * An export and where it stands: QUEUED, RUNNING (recordsDone of recordsTotal), DONE (downloadUrl, the
 * bundle's size and SHA-256, the ledger position it was read at and the checkpoint covering it), FAILED
 * (failure says why) or EXPIRED (the bundle file was deleted after the retention period). A generated
 * PDMP file also carries its submission status ({@code pdmpSubmission}, absent for other types).
 */
public record ExportJobView(
        String exportId,
        String practiceId,
        String type,
        Map<String, String> parameters,
        String status,
        Long recordsTotal,
        long recordsDone,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        String failure,
        Long ledgerPosition,
        Long checkpointNumber,
        String bundleSha256,
        Long bundleBytes,
        String downloadUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) PdmpSubmissionView pdmpSubmission) {

    ExportJobView withPdmpSubmission(PdmpSubmissionView submission) {
        return new ExportJobView(
                exportId,
                practiceId,
                type,
                parameters,
                status,
                recordsTotal,
                recordsDone,
                requestedBy,
                requestedAt,
                finishedAt,
                failure,
                ledgerPosition,
                checkpointNumber,
                bundleSha256,
                bundleBytes,
                downloadUrl,
                submission);
    }
}
