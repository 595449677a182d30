package org.doseledger.api.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.practitioner.PractitionerRequests.DeactivatePractitionerRequest;
import org.doseledger.api.practitioner.PractitionerRequests.RegisterPractitionerRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.practitioner.FindPractitionersQuery;
import org.doseledger.projections.practitioner.PractitionerView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices/{practiceId}/practitioners")
@Tag(name = "Practitioners", description = "Who may act on stock, witness and co-sign")
class PractitionerController {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final QueryGateway queries;

    PractitionerController(IdempotentWrites writes, LedgerWriter writer, QueryGateway queries) {
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Register a practitioner (PRACTICE_WRITER)")
    ResponseEntity<Object> register(
            @PathVariable String practiceId,
            @Valid @RequestBody RegisterPractitionerRequest request,
            WriteContext context) {
        String path = "/api/practices/" + practiceId + "/practitioners";
        return writes.execute(
                context,
                "POST " + path,
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                request.practitionerId(),
                                writer.send(context, request.toCommand(PracticeId.of(practiceId))))));
    }

    @PostMapping(path = "/{practitionerId}/deactivation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "A practitioner stops acting for the practice (PRACTICE_WRITER)")
    ResponseEntity<Object> deactivate(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String practitionerId,
            @Valid @RequestBody DeactivatePractitionerRequest request,
            WriteContext context) {
        String path = "/api/practices/" + practiceId + "/practitioners";
        return writes.execute(
                context,
                "POST " + path + "/" + practitionerId + "/deactivation",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                practitionerId,
                                writer.send(context, request.toCommand(PracticeId.of(practiceId), practitionerId)))));
    }

    @GetMapping
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The practice's practitioners (PRACTICE_WRITER, COMPLIANCE_OFFICER, REGULATOR)")
    List<PractitionerView> list(@PathVariable String practiceId) {
        return queries.query(
                        new FindPractitionersQuery(PracticeId.of(practiceId)),
                        ResponseTypes.multipleInstancesOf(PractitionerView.class))
                .join();
    }
}
