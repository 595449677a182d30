package org.doseledger.api.location;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.location.LocationRequests.RegisterLocationRequest;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.location.FindStorageLocationsQuery;
import org.doseledger.projections.location.StorageLocationView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practices/{practiceId}/locations")
@Tag(name = "Storage locations", description = "Locked safes and cabinets where stock is kept")
class LocationController {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final QueryGateway queries;

    LocationController(IdempotentWrites writes, LedgerWriter writer, QueryGateway queries) {
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Register a storage location (PRACTICE_WRITER)")
    ResponseEntity<Object> register(
            @PathVariable String practiceId,
            @Valid @RequestBody RegisterLocationRequest request,
            WriteContext context) {
        String path = "/api/practices/" + practiceId + "/locations";
        return writes.execute(
                context,
                "POST " + path,
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(
                                request.locationId(),
                                writer.send(context, request.toCommand(PracticeId.of(practiceId))))));
    }

    @GetMapping
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The practice's storage locations (PRACTICE_WRITER, COMPLIANCE_OFFICER, REGULATOR)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = StorageLocationView.class))))
    List<StorageLocationView> list(@PathVariable String practiceId) {
        return queries.query(
                        new FindStorageLocationsQuery(PracticeId.of(practiceId)),
                        ResponseTypes.multipleInstancesOf(StorageLocationView.class))
                .join();
    }
}
