package org.doseledger.api.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.practice.PracticeRequests.RegisterPracticeRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.practice.FindPracticeQuery;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices")
@Tag(name = "Practices", description = "The DEA registrants using the ledger")
class PracticeController {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final QueryGateway queries;

    PracticeController(IdempotentWrites writes, LedgerWriter writer, QueryGateway queries) {
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.ADMIN)
    @Operation(summary = "Register a practice with its DEA registration (ADMIN)")
    ResponseEntity<Object> register(@Valid @RequestBody RegisterPracticeRequest request, WriteContext context) {
        return writes.execute(
                context,
                "POST /api/practices",
                request,
                () -> WriteOutcome.created(
                        URI.create("/api/practices/" + request.practiceId()),
                        WriteReceipt.of(
                                request.practiceId(), writer.send(context, request.toCommand(context.recordedAt())))));
    }

    @GetMapping("/{practiceId}")
    @AllowedRoles({Role.ADMIN, Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "A registered practice (ADMIN, or any credential of that practice)")
    PracticeView get(@PathVariable String practiceId) {
        Optional<PracticeView> practice = queries.query(
                        new FindPracticeQuery(PracticeId.of(practiceId)),
                        ResponseTypes.optionalInstanceOf(PracticeView.class))
                .join();
        return practice.orElseThrow(() -> new UnknownRecordException("practice", practiceId));
    }
}
