package org.doseledger.api.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.practitioner.PractitionerRequests.CertificateRequest;
import org.doseledger.api.practitioner.PractitionerRequests.DeaRegistrationRequest;
import org.doseledger.api.practitioner.PractitionerRequests.DeactivatePractitionerRequest;
import org.doseledger.api.practitioner.PractitionerRequests.IdentityRequest;
import org.doseledger.api.practitioner.PractitionerRequests.LicenceBody;
import org.doseledger.api.practitioner.PractitionerRequests.RegisterPractitionerRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.AppendedEvent;
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
        return writes.execute(context, "POST " + path, request, () -> {
            PracticeId practice = PracticeId.of(practiceId);
            List<AppendedEvent> events = new ArrayList<>(writer.send(context, request.toCommand(practice)));
            for (Object credential : request.credentialCommands(practice)) {
                events.addAll(writer.send(context, credential));
            }
            return WriteOutcome.created(URI.create(path), WriteReceipt.of(request.practitionerId(), events));
        });
    }

    @PostMapping(path = "/{practitionerId}/licences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record a practitioner's state licence; a renewal replaces it (PRACTICE_WRITER)")
    ResponseEntity<Object> recordLicence(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String practitionerId,
            @Valid @RequestBody LicenceBody request,
            WriteContext context) {
        return credential(
                context,
                practiceId,
                practitionerId,
                "/licences",
                request,
                practice -> request.toCommand(practice, practitionerId, context.recordedAt()));
    }

    @PostMapping(path = "/{practitionerId}/identity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Record a practitioner's legal name and NPI, as the PDMP file reports them; they replace those"
                    + " on file (PRACTICE_WRITER)")
    ResponseEntity<Object> recordIdentity(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String practitionerId,
            @Valid @RequestBody IdentityRequest request,
            WriteContext context) {
        return credential(
                context,
                practiceId,
                practitionerId,
                "/identity",
                request,
                practice -> request.toCommand(practice, practitionerId, context.recordedAt()));
    }

    @PostMapping(path = "/{practitionerId}/dea-registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record a prescriber's own DEA registration: number, expiry, schedules (PRACTICE_WRITER)")
    ResponseEntity<Object> recordDeaRegistration(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String practitionerId,
            @Valid @RequestBody DeaRegistrationRequest request,
            WriteContext context) {
        return credential(
                context,
                practiceId,
                practitionerId,
                "/dea-registrations",
                request,
                practice -> request.toCommand(practice, practitionerId, context.recordedAt()));
    }

    @PostMapping(path = "/{practitionerId}/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record a KAP training or ACLS certificate (PRACTICE_WRITER)")
    ResponseEntity<Object> recordCertificate(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String practitionerId,
            @Valid @RequestBody CertificateRequest request,
            WriteContext context) {
        return credential(
                context,
                practiceId,
                practitionerId,
                "/certificates",
                request,
                practice -> request.toCommand(practice, practitionerId, context.recordedAt()));
    }

    private ResponseEntity<Object> credential(
            WriteContext context,
            String practiceId,
            String practitionerId,
            String kind,
            Object request,
            Function<PracticeId, Object> command) {
        String path = "/api/practices/" + practiceId + "/practitioners";
        return writes.execute(
                context,
                "POST " + path + "/" + practitionerId + kind,
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                practitionerId, writer.send(context, command.apply(PracticeId.of(practiceId))))));
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
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = PractitionerView.class))))
    List<PractitionerView> list(@PathVariable String practiceId) {
        return queries.query(
                        new FindPractitionersQuery(PracticeId.of(practiceId)),
                        ResponseTypes.multipleInstancesOf(PractitionerView.class))
                .join();
    }
}
