package org.doseledger.api.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.support.StreamingProcessors.DeadLetterView;
import org.doseledger.projections.support.StreamingProcessors.ProcessorStatus;
import org.doseledger.projections.support.StreamingProcessors.RetryOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/processors")
@Tag(
        name = "Processors",
        description = "The streaming processors that build the read models: positions, lag, replays and dead"
                + " letters (ADMIN)")
class ProcessorController {

    private static final Logger log = LoggerFactory.getLogger(ProcessorController.class);

    private static final String NAME = "[A-Za-z0-9._-]{1,255}";

    private final StreamingProcessors processors;
    private final ReconciliationSchedule schedule;

    private final IdempotentWrites writes;
    private final ReadModelAdministration administration;

    ProcessorController(
            StreamingProcessors processors,
            ReconciliationSchedule schedule,
            IdempotentWrites writes,
            ReadModelAdministration administration) {
        this.administration = administration;
        this.processors = processors;
        this.schedule = schedule;
        this.writes = writes;
    }

    @GetMapping
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "Every streaming processor: segments, positions, lag behind the ledger, dead letters (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = ProcessorStatus.class))))
    List<ProcessorStatus> list() {
        return administration.statuses();
    }

    @PostMapping(path = "/reconciliation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Compare every read model with the event log now (ADMIN)",
            description = "For each streaming processor, up to its settled position: every event it handles is"
                    + " applied exactly once, and every table with a row per event holds each at its own position."
                    + " A change of verdict is recorded in the ledger (READ_MODEL_DIVERGED raised or cleared)."
                    + " See docs/projections.md.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array =
                                    @ArraySchema(
                                            schema = @Schema(implementation = ReadModelReconciliation.Result.class))))
    ResponseEntity<Object> reconcile(@Valid @RequestBody AdminActionRequest request, WriteContext context) {
        return writes.executeAction(context, "POST /api/admin/processors/reconciliation", request, () -> {
            log(context, "reconciliation of every read model", request);
            return WriteOutcome.of(200, schedule.reconcileAndRecord());
        });
    }

    static void log(WriteContext context, String action, AdminActionRequest request) {
        log.info(
                "{} asked by credential {}: {}",
                action,
                context.credential().id(),
                request.reason().replaceAll("\\p{Cntrl}", " "));
    }

    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Rebuild every read model from the start of the ledger (ADMIN)",
            description = "Each processor is shut down, its tokens reset (its reset handlers empty its tables and"
                    + " its dead letters are dropped) and started again; the replay continues in the background."
                    + " Correct on a single node only: see docs/projections.md.")
    @ApiResponse(
            responseCode = "202",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReplayStarted.class)))
    ResponseEntity<Object> replayAll(@Valid @RequestBody AdminActionRequest request, WriteContext context) {
        return writes.executeAction(context, "POST /api/admin/processors/replay", request, () -> {
            log(context, "replay of every read model", request);
            long head = processors.head();
            List<String> names = processors.names();
            processors.replayAll(names);
            return WriteOutcome.of(202, new ReplayStarted(names, head));
        });
    }

    @PostMapping(path = "/{name}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Rebuild one read model from the start of the ledger (ADMIN)",
            description = "The processor is shut down, its tokens reset (its reset handlers empty its tables and"
                    + " its dead letters are dropped) and started again; the replay continues in the background."
                    + " Correct on a single node only: see docs/projections.md.")
    @ApiResponse(
            responseCode = "202",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReplayStarted.class)))
    ResponseEntity<Object> replay(
            @PathVariable @Pattern(regexp = NAME) String name,
            @Valid @RequestBody AdminActionRequest request,
            WriteContext context) {
        return administration.replay(context, name, request);
    }

    @GetMapping("/{name}/dead-letters")
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "The processor's dead-lettered events, oldest sequence first (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = DeadLetterView.class))))
    List<DeadLetterView> deadLetters(
            @PathVariable @Pattern(regexp = NAME) String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return administration.deadLetters(name, limit);
    }

    @PostMapping(path = "/{name}/dead-letters/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(
            summary = "Handle every dead-lettered sequence again, once (ADMIN)",
            description = "A sequence whose events now succeed leaves the queue; one that fails again stays, with"
                    + " its cause updated.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RetryOutcome.class)))
    ResponseEntity<Object> retryDeadLetters(
            @PathVariable @Pattern(regexp = NAME) String name,
            @Valid @RequestBody AdminActionRequest request,
            WriteContext context) {
        return administration.retryDeadLetters(context, name, request);
    }

    /**
     * The processors whose replay started, and the ledger's head when it did: a processor has caught up
     * once its lag is 0 and it no longer reports {@code replaying}.
     */
    public record ReplayStarted(List<String> processors, long ledgerHead) {}
}
