package org.doseledger.api.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.read.ReadYourWrites;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.stock.StockRequests.CorrectEntryRequest;
import org.doseledger.api.stock.StockRequests.DestroyStockRequest;
import org.doseledger.api.stock.StockRequests.DispenseDoseRequest;
import org.doseledger.api.stock.StockRequests.DrawDoseRequest;
import org.doseledger.api.stock.StockRequests.ReceiveStockRequest;
import org.doseledger.api.stock.StockRequests.RecordAdministrationRequest;
import org.doseledger.api.stock.StockRequests.RecordCountRequest;
import org.doseledger.api.stock.StockRequests.ReportLossRequest;
import org.doseledger.api.stock.StockRequests.ResolveDiscrepancyRequest;
import org.doseledger.api.stock.StockRequests.ReturnStockRequest;
import org.doseledger.api.stock.StockRequests.TransferStockRequest;
import org.doseledger.api.stock.StockRequests.WasteDoseRequest;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.ReceiveTransferCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.projections.stock.DrawView;
import org.doseledger.projections.stock.FindDrawQuery;
import org.doseledger.projections.stock.FindStockLotQuery;
import org.doseledger.projections.stock.FindStockMovementsQuery;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.stock.StockLotView;
import org.doseledger.projections.stock.StockMovementView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lot at a location, addressed as {@code /stock/lots/{locationId}/{ndc}/{lotNumber}}: its receipts,
 * draws, administrations and waste, its balance and its movements.
 */
@RestController
@RequestMapping("/api/practices/{practiceId}/stock/lots/{locationId}/{ndc}/{lotNumber}")
@Tag(name = "Stock", description = "Every milligram of a lot, from receipt to administration or waste")
class StockController {

    static final String NDC = CommonRequests.NDC;
    static final String LOT = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    private static final String DRAW = "[A-Za-z0-9-]{1,64}";

    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Catalogue catalogue;
    private final ClientStockText clientText;

    private final DiscrepancyResolutions discrepancies;

    StockController(
            IdempotentWrites writes,
            LedgerWriter writer,
            QueryGateway queries,
            ReadYourWrites readYourWrites,
            Catalogue catalogue,
            ClientStockText clientText,
            DiscrepancyResolutions discrepancies) {
        this.discrepancies = discrepancies;
        this.clientText = clientText;
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.catalogue = catalogue;
    }

    @PostMapping(path = "/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Receive containers of the lot into the location (PRACTICE_WRITER)")
    ResponseEntity<Object> receive(
            StockLotRef lot, @Valid @RequestBody ReceiveStockRequest request, WriteContext context) {
        return entry(context, lot, "/receipts", request, receiptId -> request.toCommand(lot, receiptId));
    }

    @PostMapping(path = "/draws", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Draw a dose from the lot for a client (PRACTICE_WRITER)")
    ResponseEntity<Object> draw(StockLotRef lot, @Valid @RequestBody DrawDoseRequest request, WriteContext context) {
        return writes.execute(context, "POST " + path(lot) + "/draws", request, () -> {
            String drawId = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(path(lot) + "/draws/" + drawId),
                    WriteReceipt.of(drawId, writer.send(context, request.toCommand(lot, drawId, clientText))));
        });
    }

    @PostMapping(path = "/draws/{drawId}/administrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record that (part of) a draw was administered (PRACTICE_WRITER)")
    ResponseEntity<Object> administer(
            StockLotRef lot,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @Valid @RequestBody RecordAdministrationRequest request,
            WriteContext context) {
        return drawFact(
                context, lot, drawId, "/administrations", request, () -> request.toCommand(lot, drawId, clientText));
    }

    @PostMapping(path = "/draws/{drawId}/waste", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Record witnessed waste of the unused part of a draw (PRACTICE_WRITER)")
    ResponseEntity<Object> waste(
            StockLotRef lot,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @Valid @RequestBody WasteDoseRequest request,
            WriteContext context) {
        return drawFact(context, lot, drawId, "/waste", request, () -> request.toCommand(lot, drawId, clientText));
    }

    @PostMapping(path = "/dispensations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Dispense a take-home dose to a client on a prescriber's order; PDMP-reportable (PRACTICE_WRITER)")
    ResponseEntity<Object> dispense(
            StockLotRef lot, @Valid @RequestBody DispenseDoseRequest request, WriteContext context) {
        return entry(context, lot, "/dispensations", request, id -> request.toCommand(lot, id, clientText));
    }

    @PostMapping(path = "/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Move stock of the lot to another location, witnessed; both locations book it at once (PRACTICE_WRITER)")
    ResponseEntity<Object> transfer(
            StockLotRef lot, @Valid @RequestBody TransferStockRequest request, WriteContext context) {
        return writes.execute(context, "POST " + path(lot) + "/transfers", request, () -> {
            String transferId = UUID.randomUUID().toString();
            LedgerWriter.Sent out = writer.sendCollecting(context, request.toCommand(lot, transferId));
            StockTransferredOutEvent sent = out.payload(StockTransferredOutEvent.class);
            StockLotRef destination =
                    new StockLotRef(lot.practiceId(), request.toLocationId(), lot.ndc(), lot.lotNumber());
            ProductFacts product = catalogue
                    .find(lot.practiceId(), lot.ndc())
                    .orElseThrow(() -> new UnknownRecordException("product", lot.ndc()));
            List<AppendedEvent> in = writer.send(
                    context,
                    new ReceiveTransferCommand(
                            destination,
                            transferId,
                            lot.locationId(),
                            product.substance(),
                            product.strength(),
                            sent.expiresOn(),
                            product.containerSize(),
                            sent.quantity(),
                            sent.transferredBy(),
                            sent.witnessedBy(),
                            sent.occurredAt(),
                            sent.lateEntry()));
            List<AppendedEvent> all = new ArrayList<>(out.appended());
            all.addAll(in);
            return WriteOutcome.created(URI.create(path(destination)), WriteReceipt.of(transferId, all));
        });
    }

    @PostMapping(path = "/returns", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Return stock to a supplier or reverse distributor, witnessed (PRACTICE_WRITER)")
    ResponseEntity<Object> returnStock(
            StockLotRef lot, @Valid @RequestBody ReturnStockRequest request, WriteContext context) {
        return entry(context, lot, "/returns", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/destructions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(summary = "Destroy stock (DEA Form 41) before two witnesses (PRACTICE_WRITER)")
    ResponseEntity<Object> destroy(
            StockLotRef lot, @Valid @RequestBody DestroyStockRequest request, WriteContext context) {
        return entry(context, lot, "/destructions", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/losses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Report a theft or loss (DEA Form 106); the notice and form deadlines are tracked (PRACTICE_WRITER)")
    ResponseEntity<Object> reportLoss(
            StockLotRef lot, @Valid @RequestBody ReportLossRequest request, WriteContext context) {
        return entry(context, lot, "/losses", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/counts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER})
    @Operation(
            summary = "Record a physical count; a difference opens a discrepancy with the count's id"
                    + " (PRACTICE_WRITER, COMPLIANCE_OFFICER)")
    ResponseEntity<Object> count(
            StockLotRef lot, @Valid @RequestBody RecordCountRequest request, WriteContext context) {
        return entry(context, lot, "/counts", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/discrepancies/{discrepancyId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER})
    @Operation(
            summary = "Resolve a count discrepancy with an explanation and the registrant's approval"
                    + " (PRACTICE_WRITER, COMPLIANCE_OFFICER)")
    ResponseEntity<Object> resolve(
            StockLotRef lot,
            @PathVariable @Pattern(regexp = DRAW) String discrepancyId,
            @Valid @RequestBody ResolveDiscrepancyRequest request,
            WriteContext context) {
        return discrepancies.resolve(context, lot, discrepancyId, request);
    }

    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Correct an earlier entry of the lot: its inverse plus the corrected quantity; the original stays (PRACTICE_WRITER)")
    ResponseEntity<Object> correct(
            StockLotRef lot, @Valid @RequestBody CorrectEntryRequest request, WriteContext context) {
        return entry(context, lot, "/corrections", request, id -> request.toCommand(lot, id, clientText));
    }

    /**
     * A write about an existing draw, answered with the draw's location; its command is built inside the
     * write's transaction, where free text about the draw's client is sealed.
     */
    private ResponseEntity<Object> drawFact(
            WriteContext context,
            StockLotRef lot,
            String drawId,
            String kind,
            Object request,
            java.util.function.Supplier<Object> command) {
        String drawPath = path(lot) + "/draws/" + drawId;
        return writes.execute(
                context,
                "POST " + drawPath + kind,
                request,
                () -> WriteOutcome.created(
                        URI.create(drawPath), WriteReceipt.of(drawId, writer.send(context, command.get()))));
    }

    /** A write of one new entry of the lot, under a fresh id, answered with the lot's location. */
    private ResponseEntity<Object> entry(
            WriteContext context, StockLotRef lot, String kind, Object request, Function<String, Object> command) {
        return writes.execute(context, "POST " + path(lot) + kind, request, () -> {
            String id = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(path(lot)), WriteReceipt.of(id, writer.send(context, command.apply(id))));
        });
    }

    @GetMapping
    @ReadsClientData(parameters = {"locationId", "ndc", "lotNumber"})
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The lot's balance in its unit and in mg, expiry and open draws")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StockLotView.class)))
    StockLotView lot(
            StockLotRef lot,
            @Parameter(description = "wait (bounded) until the read model includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(new FindStockLotQuery(lot), ResponseTypes.optionalInstanceOf(StockLotView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("lot", lot.lotNumber()));
    }

    @GetMapping("/movements")
    @ReadsClientData(parameters = {"locationId", "ndc", "lotNumber", "afterPosition", "limit"})
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The lot's movements in ledger order; page with afterPosition")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = StockMovementView.class))))
    List<StockMovementView> movements(
            StockLotRef lot,
            @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(
                        new FindStockMovementsQuery(lot, afterPosition, limit),
                        ResponseTypes.multipleInstancesOf(StockMovementView.class))
                .join();
    }

    @GetMapping("/draws/{drawId}")
    @ReadsClientData(parameters = {"locationId", "ndc", "lotNumber", "drawId"})
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "One draw: drawn, administered, wasted, and whether it is accounted for")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DrawView.class)))
    DrawView drawView(
            StockLotRef lot,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        return queries.query(new FindDrawQuery(lot, drawId), ResponseTypes.optionalInstanceOf(DrawView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("draw", drawId));
    }

    static String path(StockLotRef lot) {
        return "/api/practices/" + lot.practiceId().value() + "/stock/lots/" + lot.locationId() + "/" + lot.ndc() + "/"
                + lot.lotNumber();
    }
}
