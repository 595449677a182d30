package org.doseledger.api.export;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.core.export.api.PdmpSubmissionStatus;
import org.doseledger.core.export.api.RecordPdmpSubmissionCommand;
import org.doseledger.core.shared.PracticeId;

/** Request bodies of regulator exports. */
public final class ExportRequests {

    private ExportRequests() {}

    /**
     * @param type which export: {@code dispensing-record} or {@code receipts-log}
     * @param from first day of the period, in the practice's time zone
     * @param to last day of the period (inclusive)
     * @param locationId only this storage location (optional; all when absent)
     * @param clientId the client, for the exports about one client (client-record); absent otherwise
     * @param recordId the ledger record an export is about: the count of an inventory sheet, the destruction
     *     of a Form 41 worksheet, the loss of a Form 106 worksheet; absent otherwise
     */
    public record CreateExportRequest(
            @NotNull
            @Pattern(regexp = "[a-z][a-z0-9-]{0,63}", message = "must be an export type such as dispensing-record")
            String type,

            @NotNull LocalDate from,
            @NotNull LocalDate to,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String locationId,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String clientId,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String recordId) {

        /** The parameters as the manifest and the ledger record them: ids and dates only. */
        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("from", from.toString());
            parameters.put("to", to.toString());
            if (locationId != null) {
                parameters.put("locationId", locationId);
            }
            if (clientId != null) {
                parameters.put("clientId", clientId);
            }
            if (recordId != null) {
                parameters.put("recordId", recordId);
            }
            return parameters;
        }
    }

    /**
     * What the state did with a PDMP file, or that it was handed to the state.
     *
     * @param status SUBMITTED, ACCEPTED or REJECTED
     * @param reference the state's id for the file or batch, if it gave one
     * @param reason why the state rejected it
     * @param at when it was submitted, accepted or rejected
     */
    public record RecordPdmpSubmissionRequest(
            @NotNull PdmpSubmissionStatus status,
            @Size(max = 128) String reference,
            @Size(max = 2000) String reason,
            @NotNull Instant at) {

        RecordPdmpSubmissionCommand toCommand(PracticeId practiceId, String exportId) {
            return new RecordPdmpSubmissionCommand(exportId, practiceId, status, reference, reason, at);
        }
    }
}
