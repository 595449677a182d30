package org.doseledger.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;
import org.doseledger.projections.stock.FindInventoryQuery;
import org.doseledger.projections.stock.InventoryLineView;
import org.doseledger.projections.stock.InventoryView;
import org.doseledger.projections.stock.LastCountView;
import org.doseledger.projections.stock.StockLotProjection;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A practice's stock now, per lot at each location, with totals per substance; JSON or CSV. */
@RestController
@RequestMapping("/api/practices/{practiceId}/inventory")
@Tag(name = "Inventory", description = "What the practice holds now, per lot at each location")
class InventoryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    InventoryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(
            summary = "Current inventory (PRACTICE_WRITER, COMPLIANCE_OFFICER, REGULATOR)",
            description = "Every lot at every location with stock on hand or an open draw (all lots with"
                    + " includeEmpty=true): on hand in its unit and in mg, expiry, open draws and what they hold,"
                    + " open discrepancies, the last count and its discrepancy; totals per substance."
                    + " Accept: text/csv returns the lots as CSV.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = InventoryView.class)))
    InventoryView inventory(
            @PathVariable String practiceId,
            @Parameter(description = "only this storage location")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.ID)
                    String location,
            @Parameter(description = "only this product")
                    @RequestParam(required = false)
                    @Pattern(regexp = CommonRequests.NDC)
                    String ndc,
            @Parameter(description = "only this substance") @RequestParam(required = false) Substance substance,
            @Parameter(description = "also list lots at zero with no open draw") @RequestParam(defaultValue = "false")
                    boolean includeEmpty,
            @Parameter(description = "wait (bounded) until the inventory includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindInventoryQuery(PracticeId.of(practiceId), location, ndc, substance, includeEmpty),
                        ResponseTypes.instanceOf(InventoryView.class))
                .join();
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(hidden = true)
    void csv(
            @PathVariable String practiceId,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.ID) String location,
            @RequestParam(required = false) @Pattern(regexp = CommonRequests.NDC) String ndc,
            @RequestParam(required = false) Substance substance,
            @RequestParam(defaultValue = "false") boolean includeEmpty,
            @RequestParam(required = false) @Min(1) Long atLeastPosition,
            HttpServletResponse response)
            throws IOException {
        InventoryView inventory = inventory(practiceId, location, ndc, substance, includeEmpty, atLeastPosition);
        CsvWriter csv = CsvWriter.of(response, "inventory-" + practiceId + ".csv");
        csv.row(
                "locationId",
                "ndc",
                "productName",
                "lotNumber",
                "substance",
                "unit",
                "milligramsPerUnit",
                "expiresOn",
                "onHand",
                "onHandMilligrams",
                "openDraws",
                "openDrawn",
                "openDrawnMilligrams",
                "openDiscrepancies",
                "lastCountId",
                "lastCounted",
                "lastCountedAt",
                "lastCountDiscrepancy",
                "lastCountDifference");
        for (InventoryLineView line : inventory.lots()) {
            LastCountView count = line.lastCount();
            csv.row(
                    line.locationId(),
                    line.ndc(),
                    line.productName(),
                    line.lotNumber(),
                    line.substance(),
                    line.unit(),
                    line.milligramsPerUnit(),
                    line.expiresOn(),
                    line.onHand(),
                    line.onHandMilligrams(),
                    line.openDraws(),
                    line.openDrawn(),
                    line.openDrawnMilligrams(),
                    line.openDiscrepancies(),
                    count == null ? null : count.countId(),
                    count == null ? null : count.counted(),
                    count == null ? null : count.countedAt(),
                    count == null ? null : count.discrepancy(),
                    count == null ? null : count.difference());
        }
        csv.flush();
    }
}
