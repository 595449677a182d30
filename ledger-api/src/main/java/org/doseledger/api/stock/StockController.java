package org.doseledger.api.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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
import org.doseledger.core.shared.PracticeId;
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

    StockController(
            IdempotentWrites writes,
            LedgerWriter writer,
            QueryGateway queries,
            ReadYourWrites readYourWrites,
            Catalogue catalogue,
            ClientStockText clientText) {
        this.clientText = clientText;
        this.writes = writes;
        this.writer = writer;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.catalogue = catalogue;
    }

    @PostMapping(path = "/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Receive containers of the lot into the location (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "fiveVials",
                                                            summary = "Five 10 mL vials from a distributor",
                                                            value = StockExamples.RECEIVE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Received; id is the receipt id, Location is the lot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "received",
                                            summary = "The receipt: the receipt id and the appended event",
                                            value = StockExamples.RECEIVE_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No containers, no invoice number",
                                            value = StockExamples.RECEIVE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown location, product or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "LOCATION_NOT_FOUND",
                                        summary = "Unknown location",
                                        value = StockExamples.RECEIVE_LOCATION_NOT_FOUND),
                                @ExampleObject(
                                        name = "PRODUCT_NOT_FOUND",
                                        summary = "NDC not in the catalogue",
                                        value = StockExamples.RECEIVE_PRODUCT_NOT_FOUND)
                            }))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_EXPIRY_MISMATCH",
                                            summary = "The expiry differs from the lot's",
                                            value = StockExamples.RECEIVE_LOT_EXPIRY_MISMATCH)))
    ResponseEntity<Object> receive(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody ReceiveStockRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/receipts", request, receiptId -> request.toCommand(lot, receiptId));
    }

    @PostMapping(path = "/draws", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Draw a dose from the lot for a client (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = {
                                                @ExampleObject(
                                                        name = "draw",
                                                        summary = "1.6 mL for a client's session",
                                                        value = StockExamples.DRAW_REQUEST),
                                                @ExampleObject(
                                                        name = "lateEntry",
                                                        summary =
                                                                "Recorded more than 24 h after it occurred: reason and co-signer",
                                                        value = StockExamples.DRAW_REQUEST_LATE_ENTRY)
                                            })))
    @ApiResponse(
            responseCode = "201",
            description = "Drawn; id is the draw id, Location is the draw",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "drawn",
                                            summary = "The receipt: the draw id and the appended event",
                                            value = StockExamples.DRAW_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "Bad client id, occurredAt in the future, 4 decimals",
                                            value = StockExamples.DRAW_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot, client or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "LOT_NOT_FOUND",
                                        summary = "No stock of this lot was ever received here",
                                        value = StockExamples.DRAW_LOT_NOT_FOUND),
                                @ExampleObject(
                                        name = "CLIENT_NOT_FOUND",
                                        summary = "Unknown client",
                                        value = StockExamples.DRAW_CLIENT_NOT_FOUND)
                            }))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "INSUFFICIENT_STOCK",
                                        summary = "More than the lot holds",
                                        value = StockExamples.DRAW_INSUFFICIENT_STOCK),
                                @ExampleObject(
                                        name = "LATE_ENTRY_NEEDS_REASON",
                                        summary = "Recorded more than 24 h late without lateEntry",
                                        value = StockExamples.DRAW_LATE_ENTRY_NEEDS_REASON)
                            }))
    ResponseEntity<Object> draw(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody DrawDoseRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return writes.execute(context, "POST " + path(lot) + "/draws", request, () -> {
            String drawId = UUID.randomUUID().toString();
            return WriteOutcome.created(
                    URI.create(path(lot) + "/draws/" + drawId),
                    WriteReceipt.of(drawId, writer.send(context, request.toCommand(lot, drawId, clientText))));
        });
    }

    @PostMapping(path = "/draws/{drawId}/administrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Record that (part of) a draw was administered (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "administered",
                                                            summary = "1.5 mL of the draw, intramuscular",
                                                            value = StockExamples.ADMINISTER_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Recorded; id is the draw id, Location is the draw. When this completes the draw, DrawAccountedFor follows",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "administered",
                                            summary = "The receipt: the draw id and the appended event",
                                            value = StockExamples.ADMINISTER_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No route, no practitioner",
                                            value = StockExamples.ADMINISTER_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown draw, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DRAW_NOT_FOUND",
                                            summary = "Unknown draw",
                                            value = StockExamples.ADMINISTER_DRAW_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DRAW_OVER_ACCOUNTED",
                                            summary = "More than the draw has left",
                                            value = StockExamples.ADMINISTER_DRAW_OVER_ACCOUNTED)))
    ResponseEntity<Object> administer(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @Valid @RequestBody RecordAdministrationRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return drawFact(
                context, lot, drawId, "/administrations", request, () -> request.toCommand(lot, drawId, clientText));
    }

    @PostMapping(path = "/draws/{drawId}/waste", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Record witnessed waste of the unused part of a draw (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "wasted",
                                                            summary =
                                                                    "The 0.1 mL left in the syringe, before a witness",
                                                            value = StockExamples.WASTE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Recorded; id is the draw id, Location is the draw. When this completes the draw, DrawAccountedFor follows",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "wastedAndAccountedFor",
                                            summary = "The waste completes the draw",
                                            value = StockExamples.WASTE_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No method, no witness",
                                            value = StockExamples.WASTE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown draw, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DRAW_NOT_FOUND",
                                            summary = "Unknown draw",
                                            value = StockExamples.WASTE_DRAW_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "WASTE_NOT_BY_DRAWER",
                                        summary = "Wasted by someone other than who drew it",
                                        value = StockExamples.WASTE_WASTE_NOT_BY_DRAWER),
                                @ExampleObject(
                                        name = "SECOND_PERSON_REQUIRED",
                                        summary = "The witness is the person wasting",
                                        value = StockExamples.WASTE_SECOND_PERSON_REQUIRED),
                                @ExampleObject(
                                        name = "DRAW_ALREADY_ACCOUNTED_FOR",
                                        summary = "The draw is already accounted for",
                                        value = StockExamples.WASTE_DRAW_ALREADY_ACCOUNTED_FOR)
                            }))
    ResponseEntity<Object> waste(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @Valid @RequestBody WasteDoseRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return drawFact(context, lot, drawId, "/waste", request, () -> request.toCommand(lot, drawId, clientText));
    }

    @PostMapping(path = "/dispensations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Dispense a take-home dose to a client on a prescriber's order; PDMP-reportable (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "takeHome",
                                                            summary = "2 mL, a 7-day supply, on the prescriber's order",
                                                            value = StockExamples.DISPENSE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Dispensed; id is the dispensation id, Location is the lot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "dispensed",
                                            summary = "The receipt: the dispensation id and the appended event",
                                            value = StockExamples.DISPENSE_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "daysSupply of 0",
                                            value = StockExamples.DISPENSE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown client, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "CLIENT_NOT_FOUND",
                                            summary = "Unknown client",
                                            value = StockExamples.DISPENSE_CLIENT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "INSUFFICIENT_STOCK",
                                        summary = "More than the lot holds",
                                        value = StockExamples.DISPENSE_INSUFFICIENT_STOCK),
                                @ExampleObject(
                                        name = "PRACTITIONER_NOT_AUTHORIZED",
                                        summary = "prescribedBy is not a prescriber",
                                        value = StockExamples.DISPENSE_PRACTITIONER_NOT_AUTHORIZED),
                                @ExampleObject(
                                        name = "INVALID_PRESCRIPTION",
                                        summary = "The prescription was written more than six months before",
                                        value = StockExamples.DISPENSE_INVALID_PRESCRIPTION)
                            }))
    ResponseEntity<Object> dispense(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody DispenseDoseRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/dispensations", request, id -> request.toCommand(lot, id, clientText));
    }

    @PostMapping(path = "/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Move stock of the lot to another location, witnessed; both locations book it at once (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "toSafe2",
                                                            summary = "One vial's worth to the second safe, witnessed",
                                                            value = StockExamples.TRANSFER_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Transferred; the receipt lists the events of both lots, Location is the lot at the destination",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "transferred",
                                            summary = "StockTransferredOut here, StockTransferredIn there",
                                            value = StockExamples.TRANSFER_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No destination",
                                            value = StockExamples.TRANSFER_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown destination, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOCATION_NOT_FOUND",
                                            summary = "Unknown destination",
                                            value = StockExamples.TRANSFER_LOCATION_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "INSUFFICIENT_STOCK",
                                        summary = "More than the lot holds",
                                        value = StockExamples.TRANSFER_INSUFFICIENT_STOCK),
                                @ExampleObject(
                                        name = "TRANSFER_TO_SAME_LOCATION",
                                        summary = "The destination is the lot's own location",
                                        value = StockExamples.TRANSFER_TRANSFER_TO_SAME_LOCATION)
                            }))
    ResponseEntity<Object> transfer(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody TransferStockRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
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
    @Operation(
            summary = "Return stock to a supplier or reverse distributor, witnessed (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "recall",
                                                            summary = "A recalled vial back to a reverse distributor",
                                                            value = StockExamples.RETURN_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Returned; id is the return id, Location is the lot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "returned",
                                            summary = "The receipt: the return id and the appended event",
                                            value = StockExamples.RETURN_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No recipient, no reason",
                                            value = StockExamples.RETURN_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.RETURN_LOT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "INSUFFICIENT_STOCK",
                                            summary = "More than the lot holds",
                                            value = StockExamples.RETURN_INSUFFICIENT_STOCK)))
    ResponseEntity<Object> returnStock(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody ReturnStockRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/returns", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/destructions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary = "Destroy stock (DEA Form 41) before two witnesses (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "expiredLot",
                                                            summary = "15 mL of an expired lot, before two witnesses",
                                                            value = StockExamples.DESTROY_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Destroyed; id is the destruction id, Location is the lot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "destroyed",
                                            summary = "The receipt: the destruction id and the appended event",
                                            value = StockExamples.DESTROY_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No method, one witness",
                                            value = StockExamples.DESTROY_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.DESTROY_LOT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "DESTRUCTION_NEEDS_TWO_WITNESSES",
                                        summary = "The person destroying is one of the witnesses",
                                        value = StockExamples.DESTROY_DESTRUCTION_NEEDS_TWO_WITNESSES),
                                @ExampleObject(
                                        name = "INSUFFICIENT_STOCK",
                                        summary = "More than the lot holds",
                                        value = StockExamples.DESTROY_INSUFFICIENT_STOCK)
                            }))
    ResponseEntity<Object> destroy(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody DestroyStockRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/destructions", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/losses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Report a theft or loss (DEA Form 106); the notice and form deadlines are tracked (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "missingVial",
                                                            summary =
                                                                    "A vial missing at the opening count, reported to the police",
                                                            value = StockExamples.REPORT_LOSS_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Reported; id is the loss id, Location is the lot. The movement's details hold noticeDueOn and form106DueOn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "reported",
                                            summary = "The receipt: the loss id and the appended event",
                                            value = StockExamples.REPORT_LOSS_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "VALIDATION_FAILED",
                                        summary = "No loss type, no description",
                                        value = StockExamples.REPORT_LOSS_VALIDATION_FAILED),
                                @ExampleObject(
                                        name = "MALFORMED_REQUEST",
                                        summary = "A loss type Form 106 does not know",
                                        value = StockExamples.REPORT_LOSS_MALFORMED_REQUEST)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.REPORT_LOSS_LOT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "INSUFFICIENT_STOCK",
                                            summary = "More than the lot holds",
                                            value = StockExamples.REPORT_LOSS_INSUFFICIENT_STOCK)))
    ResponseEntity<Object> reportLoss(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody ReportLossRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/losses", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/counts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER})
    @Operation(
            summary = "Record a physical count; a difference opens a discrepancy with the count's id"
                    + " (PRACTICE_WRITER, COMPLIANCE_OFFICER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "shiftChange",
                                                            summary = "A shift-change count, opened vial estimated",
                                                            value = StockExamples.COUNT_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Recorded; id is the count id. A difference from the balance appends DiscrepancyRecorded, whose id is the count's",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "countWithDiscrepancy",
                                            summary = "The count differs from the balance: a discrepancy opens",
                                            value = StockExamples.COUNT_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "VALIDATION_FAILED",
                                        summary = "No kind, a negative amount",
                                        value = StockExamples.COUNT_VALIDATION_FAILED),
                                @ExampleObject(
                                        name = "MALFORMED_REQUEST",
                                        summary = "A count kind the ledger does not know",
                                        value = StockExamples.COUNT_MALFORMED_REQUEST)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.COUNT_LOT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "SECOND_PERSON_REQUIRED",
                                            summary = "The witness is the person counting",
                                            value = StockExamples.COUNT_SECOND_PERSON_REQUIRED)))
    ResponseEntity<Object> count(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody RecordCountRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return entry(context, lot, "/counts", request, id -> request.toCommand(lot, id));
    }

    @PostMapping(path = "/discrepancies/{discrepancyId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER})
    @Operation(
            summary = "Resolve a count discrepancy with an explanation and the registrant's approval"
                    + " (PRACTICE_WRITER, COMPLIANCE_OFFICER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "adjustToCount",
                                                            summary = "The count was right: book the difference",
                                                            value = StockExamples.RESOLVE_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description = "Resolved; id is the discrepancy id, Location is the lot",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "resolved",
                                            summary = "The receipt: the discrepancy id and the appended event",
                                            value = StockExamples.RESOLVE_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No explanation, no approver",
                                            value = StockExamples.RESOLVE_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown discrepancy, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DISCREPANCY_NOT_FOUND",
                                            summary = "Unknown discrepancy",
                                            value = StockExamples.RESOLVE_DISCREPANCY_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DISCREPANCY_ALREADY_RESOLVED",
                                            summary = "The discrepancy is already resolved",
                                            value = StockExamples.RESOLVE_DISCREPANCY_ALREADY_RESOLVED)))
    ResponseEntity<Object> resolve(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @PathVariable @Pattern(regexp = DRAW) String discrepancyId,
            @Valid @RequestBody ResolveDiscrepancyRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        String resolution = "/discrepancies/" + discrepancyId + "/resolution";
        return writes.execute(
                context,
                "POST " + path(lot) + resolution,
                request,
                () -> WriteOutcome.created(
                        URI.create(path(lot)),
                        WriteReceipt.of(discrepancyId, writer.send(context, request.toCommand(lot, discrepancyId)))));
    }

    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowedRoles(Role.PRACTICE_WRITER)
    @Operation(
            summary =
                    "Correct an earlier entry of the lot: its inverse plus the corrected quantity; the original stays (PRACTICE_WRITER)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "drawnQuantity",
                                                            summary = "A draw of 2 mL was really 1.9 mL",
                                                            value = StockExamples.CORRECT_REQUEST))))
    @ApiResponse(
            responseCode = "201",
            description =
                    "Corrected; id is the correction id, Location is the lot. A correction that completes a draw also appends DrawAccountedFor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WriteReceipt.class),
                            examples =
                                    @ExampleObject(
                                            name = "corrected",
                                            summary = "The correction completes the draw",
                                            value = StockExamples.CORRECT_CREATED)))
    @ApiResponse(
            responseCode = "400",
            description = "The body is invalid: VALIDATION_FAILED lists each field in errors",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "No event id, no reason",
                                            value = StockExamples.CORRECT_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.CORRECT_LOT_NOT_FOUND)))
    @ApiResponse(
            responseCode = "409",
            description = "A ledger rule was broken; nothing was written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = {
                                @ExampleObject(
                                        name = "ENTRY_ALREADY_CORRECTED",
                                        summary = "The entry was already corrected",
                                        value = StockExamples.CORRECT_ENTRY_ALREADY_CORRECTED),
                                @ExampleObject(
                                        name = "ENTRY_NOT_CORRECTABLE",
                                        summary = "A transfer is undone by a transfer back",
                                        value = StockExamples.CORRECT_ENTRY_NOT_CORRECTABLE)
                            }))
    ResponseEntity<Object> correct(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Valid @RequestBody CorrectEntryRequest request,
            WriteContext context) {
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
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
            description = "The lot: on hand in its unit and in mg, expiry, open draws and discrepancies, last count",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StockLotView.class),
                            examples =
                                    @ExampleObject(
                                            name = "lot",
                                            summary = "A lot after a month's first week",
                                            value = StockExamples.LOT_OK)))
    @ApiResponse(
            responseCode = "400",
            description = "A path or query parameter is invalid",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "An NDC without hyphens",
                                            value = StockExamples.LOT_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "LOT_NOT_FOUND",
                                            summary = "No stock of this lot was ever received here",
                                            value = StockExamples.LOT_LOT_NOT_FOUND)))
    StockLotView lot(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @Parameter(description = "wait (bounded) until the read model includes this ledger position")
                    @RequestParam(required = false)
                    @Min(1)
                    Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return queries.query(new FindStockLotQuery(lot), ResponseTypes.optionalInstanceOf(StockLotView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("lot", lotNumber));
    }

    @GetMapping("/movements")
    @ReadsClientData(parameters = {"locationId", "ndc", "lotNumber", "afterPosition", "limit"})
    @AllowedRoles({Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR})
    @Operation(summary = "The lot's movements in ledger order; page with afterPosition")
    @ApiResponse(
            responseCode = "200",
            description = "The lot's movements after afterPosition, in ledger order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = StockMovementView.class)),
                            examples =
                                    @ExampleObject(
                                            name = "firstThree",
                                            summary = "limit=3: a receipt, a draw and its administration",
                                            value = StockExamples.MOVEMENTS_OK)))
    @ApiResponse(
            responseCode = "400",
            description = "A path or query parameter is invalid",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "limit above 1000",
                                            value = StockExamples.MOVEMENTS_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown practice; a key of another practice gets the same answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "PRACTICE_NOT_FOUND",
                                            summary = "Unknown practice",
                                            value = StockExamples.MOVEMENTS_PRACTICE_NOT_FOUND)))
    List<StockMovementView> movements(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
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
            description = "The draw and every movement that touched it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DrawView.class),
                            examples =
                                    @ExampleObject(
                                            name = "accountedFor",
                                            summary = "Drawn, administered, the rest wasted",
                                            value = StockExamples.DRAW_VIEW_OK)))
    @ApiResponse(
            responseCode = "400",
            description = "A path or query parameter is invalid",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "VALIDATION_FAILED",
                                            summary = "drawId with characters ids never have",
                                            value = StockExamples.DRAW_VIEW_VALIDATION_FAILED)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown draw, lot or practice",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples =
                                    @ExampleObject(
                                            name = "DRAW_NOT_FOUND",
                                            summary = "Unknown draw",
                                            value = StockExamples.DRAW_VIEW_DRAW_NOT_FOUND)))
    DrawView drawView(
            @PathVariable String practiceId,
            @PathVariable @Pattern(regexp = CommonRequests.ID) String locationId,
            @PathVariable @Pattern(regexp = NDC) String ndc,
            @PathVariable @Pattern(regexp = LOT) String lotNumber,
            @PathVariable @Pattern(regexp = DRAW) String drawId,
            @RequestParam(required = false) @Min(1) Long atLeastPosition) {
        readYourWrites.awaitPosition(StockLotProjection.PROCESSING_GROUP, atLeastPosition);
        StockLotRef lot = new StockLotRef(PracticeId.of(practiceId), locationId, ndc, lotNumber);
        return queries.query(new FindDrawQuery(lot, drawId), ResponseTypes.optionalInstanceOf(DrawView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("draw", drawId));
    }

    private static String path(StockLotRef lot) {
        return "/api/practices/" + lot.practiceId().value() + "/stock/lots/" + lot.locationId() + "/" + lot.ndc() + "/"
                + lot.lotNumber();
    }
}
