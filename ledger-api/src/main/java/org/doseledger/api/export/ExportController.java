package org.doseledger.api.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.export.ExportRequests.CreateExportRequest;
import org.doseledger.api.export.ExportRequests.RecordPdmpSubmissionRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Regulator exports as verifiable bundles, generated as background jobs (docs/exports.md). */
@RestController
@RequestMapping("/api/practices/{practiceId}/exports")
@Tag(name = "Exports", description = "Regulator exports: dispensing record, receipts log, as verifiable bundles")
class ExportController {

    private final ExportJobs jobs;
    private final PdmpSubmissions submissions;
    private final ExportRequesting requesting;

    ExportController(ExportJobs jobs, PdmpSubmissions submissions, ExportRequesting requesting) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.requesting = requesting;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Request an export (COMPLIANCE_OFFICER, REGULATOR)",
            description = "Queues an export of the practice's records for the days from..to (inclusive, in the"
                    + " practice's time zone), optionally of one storage location. It covers the ledger up to its"
                    + " last signed checkpoint. A small export (at most ledger.exports.direct-limit records) that"
                    + " finishes within ledger.exports.direct-wait answers DONE with its downloadUrl; a larger one"
                    + " answers QUEUED or RUNNING: poll the Location for progress.")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ExportJobView.class)))
    ResponseEntity<Object> create(
            @PathVariable String practiceId, @Valid @RequestBody CreateExportRequest request, WriteContext context) {
        return requesting.request(context, PracticeId.of(practiceId), request);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The practice's latest 100 exports, newest first (COMPLIANCE_OFFICER, REGULATOR)")
    List<ExportJobView> list(@PathVariable String practiceId) {
        return jobs.list(PracticeId.of(practiceId));
    }

    @GetMapping(path = "/{exportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsClientData(parameters = "exportId")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "An export's status and progress (COMPLIANCE_OFFICER, REGULATOR)",
            description = "QUEUED, RUNNING (recordsDone of recordsTotal), DONE (downloadUrl), FAILED (failure) or"
                    + " EXPIRED (the bundle was deleted after ledger.exports.retention). A generated pdmp-asap export"
                    + " also shows pdmpSubmission: GENERATED, SUBMITTED, ACCEPTED or REJECTED.")
    ExportJobView status(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String exportId) {
        return submissions.find(PracticeId.of(practiceId), exportId);
    }

    @PostMapping(
            path = "/{exportId}/pdmp-submission",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.COMPLIANCE_OFFICER)
    @Operation(
            summary = "Record a PDMP file's submission, acceptance or rejection (COMPLIANCE_OFFICER)",
            description = "For a generated pdmp-asap export: SUBMITTED when it was handed to the state, then"
                    + " ACCEPTED or REJECTED (with the state's reason) as the state answered. A rejected file may"
                    + " be submitted again; an accepted one is final.")
    ResponseEntity<Object> recordPdmpSubmission(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String exportId,
            @Valid @RequestBody RecordPdmpSubmissionRequest request,
            WriteContext context) {
        return submissions.record(context, PracticeId.of(practiceId), exportId, request);
    }

    @GetMapping(path = "/{exportId}/bundle", produces = "application/zip")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @ReadsClientData(kind = AccessKind.EXPORT, parameters = "exportId")
    @Operation(
            summary = "Download an export's bundle (COMPLIANCE_OFFICER, REGULATOR)",
            description = "The zip: the report as CSV and JSON, checkpoint.json and manifest.json with the SHA-256"
                    + " of every file. Check it with java -jar dose-ledger.jar verify-bundle <zip> --public-key"
                    + " <keyId>.pub. Each download is recorded in the access log as an EXPORT.")
    ResponseEntity<Resource> bundle(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE) String exportId) {
        ExportJobs.Bundle bundle = jobs.bundle(PracticeId.of(practiceId), exportId);
        return bundle.download();
    }
}
