package org.doseledger.api.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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
                    + " the receipt of the earlier item N. At most ledger.batch.max-items items (default 100).")
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BatchReceipt.class)))
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
