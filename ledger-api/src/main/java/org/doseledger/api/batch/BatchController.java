package org.doseledger.api.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.doseledger.api.batch.BatchRequests.BatchRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Batches", description = "Several writes of one practice in one transaction: all of them or none")
class BatchController {

    private final IdempotentWrites writes;
    private final BatchWrites batches;

    BatchController(IdempotentWrites writes, BatchWrites batches) {
        this.writes = writes;
        this.batches = batches;
    }

    @PostMapping(path = "/api/practices/{practiceId}/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER})
    @Operation(
            summary = "Apply several writes in one transaction (PRACTICE_WRITER, COMPLIANCE_OFFICER)",
            description = "Each item is the request its own endpoint would get (method POST, a path relative to"
                    + " the practice, the body) and is checked, validated and applied by that endpoint, in order,"
                    + " with the roles that endpoint admits. All items are written in one transaction, or none is."
                    + " The Idempotency-Key covers the whole batch. A path segment {item:N} stands for the id in"
                    + " the receipt of the earlier item N. At most ledger.batch.max-items items (default 100).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "registerAndConsent",
                                                            summary = "A client registered and their consent"
                                                                    + " recorded, in one transaction",
                                                            value = BatchExamples.REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Every item written; each item's status, Location and receipt in order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BatchReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "applied",
                                            summary = "Each item's answer and the positions appended",
                                            value = BatchExamples.CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The batch is invalid (VALIDATION_FAILED: no items, an item without method, path or"
                    + " body), or an item was refused: BATCH_ITEM_FAILED with the item's index in failedItem"
                    + " and its own problem in item. A refused item answers the batch with its own status"
                    + " (400, 403, 404, 409, 422, 429...). Nothing was written.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "BATCH_ITEM_FAILED",
                                            summary = "The second item's body was invalid",
                                            value = BatchExamples.ITEM_FAILED)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule refused an item; the items before it were rolled back",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "BATCH_ITEM_FAILED",
                                            summary = "The third item's client id was taken",
                                            value = BatchExamples.ITEM_RULE_VIOLATED)))
    @ApiResponse(
            responseCode = "413",
            description = "More items than ledger.batch.max-items, or a body over ledger.max-request-size",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "BATCH_TOO_LARGE",
                                            summary = "101 items",
                                            value = BatchExamples.TOO_LARGE)))
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used before for a different batch",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "IDEMPOTENCY_KEY_REUSED",
                                            summary = "Same key, another batch",
                                            value = BatchExamples.KEY_REUSED)))
    ResponseEntity<Object> apply(
            @PathVariable String practiceId,
            @Valid @RequestBody BatchRequest request,
            WriteContext context,
            HttpServletRequest servletRequest,
            HttpServletResponse servletResponse) {
        List<String> paths = batches.plan(practiceId, request);
        return writes.execute(
                context,
                "POST /api/practices/" + practiceId + "/batches",
                request,
                () -> batches.apply(request, paths, context, servletRequest, servletResponse));
    }
}
