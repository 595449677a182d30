package org.doseledger.api.stock;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.web.CommonRequests.LateEntryBody;
import org.doseledger.api.web.CommonRequests.QuantityBody;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.LossCarrier;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.PoliceReport;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.ReportLossCommand;
import org.doseledger.core.stock.api.ResolveDiscrepancyCommand;
import org.doseledger.core.stock.api.ReturnStockCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.core.stock.api.TransferStockCommand;
import org.doseledger.core.stock.api.WasteDoseCommand;

final class StockRequests {

    private StockRequests() {}

    /** The registrant that shipped the stock. */
    record SupplierBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressBody address,
            @NotBlank @Size(max = 9) @ValidDeaNumber String deaNumber) {

        Supplier toSupplier() {
            return new Supplier(name, address.toAddress(), deaNumber);
        }
    }

    /**
     * @param containers full containers received (e.g. 5 vials); the quantity follows from the catalogue
     * @param receivedBy practitioner id of the person who received and checked the shipment
     * @param occurredAt when the shipment was received
     */
    record ReceiveStockRequest(
            @NotNull LocalDate expiresOn,
            @Positive @Max(100_000) int containers,
            @NotNull @Valid SupplierBody supplier,
            @NotBlank @Size(max = 100) String invoiceNumber,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String receivedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "expiresOn must be within 20 years of today")
        boolean isExpiresOnPlausible() {
            return expiresOn == null
                    || expiresOn.isBefore(LocalDate.now(ZoneOffset.UTC).plusYears(20));
        }

        ReceiveStockCommand toCommand(StockLotRef lot, String receiptId) {
            return new ReceiveStockCommand(
                    lot,
                    receiptId,
                    expiresOn,
                    containers,
                    supplier.toSupplier(),
                    invoiceNumber,
                    receivedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /**
     * @param sessionId the dosing session the dose is for: one of the same client, for the lot's substance,
     *     started and not yet discharged
     * @param witnessedBy a second practitioner who watched the draw; required where the practice's policy says
     */
    record DrawDoseRequest(
            @NotNull @Valid QuantityBody quantity,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String clientId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String sessionId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String drawnBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String witnessedBy) {

        DrawDoseCommand toCommand(StockLotRef lot, String drawId, ClientStockText text) {
            return new DrawDoseCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    clientId,
                    sessionId,
                    drawnBy,
                    occurredAt,
                    text.lateEntry(lateEntry, () -> new ClientRef(lot.practiceId(), clientId)),
                    witnessedBy);
        }
    }

    /**
     * Why a dose departs from the treatment plan, and the second prescriber who approved it (not needed
     * when only the change from the previous session is large).
     */
    record OverrideBody(
            @NotBlank @Size(max = 4000) String rationale,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String approvedBy) {}

    record RecordAdministrationRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotNull Route route,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String administeredBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry,
            @Valid OverrideBody override) {

        RecordAdministrationCommand toCommand(StockLotRef lot, String drawId, ClientStockText text) {
            java.util.function.Supplier<ClientRef> client = () -> text.clientOfDraw(lot, drawId);
            return new RecordAdministrationCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    route,
                    administeredBy,
                    occurredAt,
                    text.lateEntry(lateEntry, client),
                    override == null ? null : text.override(override.rationale(), override.approvedBy(), client));
        }
    }

    /** @param method how the waste was rendered unusable, e.g. "expelled into drug disposal container" */
    record WasteDoseRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotBlank @Size(max = 200) String method,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String wastedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String witnessedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        WasteDoseCommand toCommand(StockLotRef lot, String drawId, ClientStockText text) {
            return new WasteDoseCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    method,
                    wastedBy,
                    witnessedBy,
                    occurredAt,
                    text.lateEntry(lateEntry, () -> text.clientOfDraw(lot, drawId)));
        }
    }

    /**
     * @param route how the client takes the dose at home, e.g. SUBLINGUAL for troches
     * @param prescribedBy the prescriber (with a DEA registration) who ordered the take-home dose
     * @param daysSupply days the dispensed quantity lasts, as the PDMP file reports it
     * @param prescription the prescription the dose is dispensed on, as the PDMP file reports it
     */
    record DispenseDoseRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotNull Route route,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String clientId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String prescribedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String dispensedBy,

            @Positive @Max(366) int daysSupply,
            @NotNull @Valid PrescriptionBody prescription,
            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        DispenseDoseCommand toCommand(StockLotRef lot, String dispensationId, ClientStockText text) {
            return new DispenseDoseCommand(
                    lot,
                    dispensationId,
                    quantity.toQuantity(),
                    route,
                    clientId,
                    prescribedBy,
                    dispensedBy,
                    daysSupply,
                    prescription.toPrescription(),
                    occurredAt,
                    text.lateEntry(lateEntry, () -> new ClientRef(lot.practiceId(), clientId)));
        }
    }

    /**
     * A take-home dose's prescription (ASAP DSP02-DSP04, DSP16).
     *
     * @param number the practice's prescription number, at most 25 letters, digits or hyphens
     * @param writtenOn the day the prescriber wrote it: on or before the day of dispensing, at most six
     *     months before it
     * @param refillsAuthorized refills the prescription allows, 0 to 5 (Schedule III)
     * @param paymentType how it was paid for
     */
    record PrescriptionBody(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,25}", message = "must be 1 to 25 letters, digits or hyphens")
            String number,

            @NotNull LocalDate writtenOn,
            @Min(0) @Max(5) int refillsAuthorized,
            @NotNull PaymentType paymentType) {

        Prescription toPrescription() {
            return new Prescription(number, writtenOn, refillsAuthorized, paymentType);
        }
    }

    /** @param toLocationId the other storage location of the practice the stock moves to */
    record TransferStockRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String toLocationId,

            @NotNull @Valid QuantityBody quantity,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String transferredBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String witnessedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        TransferStockCommand toCommand(StockLotRef lot, String transferId) {
            return new TransferStockCommand(
                    lot,
                    transferId,
                    toLocationId,
                    quantity.toQuantity(),
                    transferredBy,
                    witnessedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /** @param returnedTo the supplier or reverse distributor that takes the stock back */
    record ReturnStockRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotNull @Valid SupplierBody returnedTo,
            @NotBlank @Size(max = 1000) String reason,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String returnedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String witnessedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        ReturnStockCommand toCommand(StockLotRef lot, String returnId) {
            return new ReturnStockCommand(
                    lot,
                    returnId,
                    quantity.toQuantity(),
                    returnedTo.toSupplier(),
                    reason,
                    returnedBy,
                    witnessedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /**
     * @param method how the stock was rendered non-retrievable, e.g. "chemical digestion (Rx Destroyer)"
     * @param place where it was destroyed
     * @param witnessedBy exactly two practitioners, neither the person destroying
     */
    record DestroyStockRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotBlank @Size(max = 200) String method,
            @NotBlank @Size(max = 200) String place,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String destroyedBy,

            @NotNull @Size(min = 2, max = 2) List<@NotBlank @Pattern(regexp = CommonRequests.ID) String> witnessedBy,
            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        DestroyStockCommand toCommand(StockLotRef lot, String destructionId) {
            return new DestroyStockCommand(
                    lot,
                    destructionId,
                    quantity.toQuantity(),
                    method,
                    place,
                    destroyedBy,
                    List.copyOf(witnessedBy),
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /** The police report filed for a theft or loss; {@code phone} is the agency's, ten digits. */
    record PoliceReportBody(
            @NotBlank @Size(max = 200) String agency,
            @NotBlank @Size(max = 100) String reportNumber,

            @Pattern(regexp = "[0-9]{10}", message = "must be ten digits, without punctuation")
            String phone) {}

    /**
     * What DEA Form 106 asks beyond the items.
     *
     * @param lostOn the day the theft or loss happened, when known (on or before the day of discovery)
     * @param county the county where it happened
     * @param estimatedValueUsd what was lost is worth, in US dollars
     * @param carrier for a loss in transit (and only then), the carrier that held the shipment
     */
    record LossDetailsBody(
            LocalDate lostOn,
            @Size(max = 100) String county,

            @PositiveOrZero @Digits(integer = 9, fraction = 2)
            BigDecimal estimatedValueUsd,

            @Valid LossCarrierBody carrier) {

        LossDetails toDetails() {
            return new LossDetails(
                    lostOn,
                    county,
                    estimatedValueUsd,
                    carrier == null
                            ? null
                            : new LossCarrier(carrier.name(), carrier.trackingNumber(), carrier.shippedOn()));
        }
    }

    /** The common carrier of a shipment lost in transit. */
    record LossCarrierBody(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String trackingNumber,
            LocalDate shippedOn) {}

    /**
     * @param discoveredAt when the theft or loss was discovered; the DEA deadlines run from it
     * @param details the day it happened, county, value and (in transit) carrier, for Form 106
     */
    record ReportLossRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotNull LossType lossType,
            @Valid PoliceReportBody policeReport,
            @NotBlank @Size(max = 4000) String description,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String reportedBy,

            @NotNull @PastOrPresent Instant discoveredAt,
            @Valid LateEntryBody lateEntry,
            @Valid LossDetailsBody details) {

        ReportLossCommand toCommand(StockLotRef lot, String lossId) {
            return new ReportLossCommand(
                    lot,
                    lossId,
                    quantity.toQuantity(),
                    lossType,
                    policeReport == null
                            ? null
                            : new PoliceReport(
                                    policeReport.agency(), policeReport.reportNumber(), policeReport.phone()),
                    description,
                    reportedBy,
                    discoveredAt,
                    LateEntryBody.toLateEntry(lateEntry),
                    details == null ? null : details.toDetails());
        }
    }

    /** A counted amount: zero is a valid count. */
    record CountedBody(
            @NotNull @PositiveOrZero BigDecimal amount,
            @NotNull StockUnit unit) {}

    /**
     * @param exact false when opened containers were estimated, as Schedule III inventories allow; false when
     *     absent or null
     */
    record RecordCountRequest(
            @NotNull CountKind kind,
            @NotNull CountTiming timing,
            @NotNull @Valid CountedBody counted,
            @Schema(defaultValue = "false") Boolean exact,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String countedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String witnessedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        RecordCountCommand toCommand(StockLotRef lot, String countId) {
            return new RecordCountCommand(
                    lot,
                    countId,
                    kind,
                    timing,
                    new Quantity(counted.amount(), counted.unit()),
                    Boolean.TRUE.equals(exact),
                    countedBy,
                    witnessedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /**
     * @param adjustToCount true books the difference to the balance (the count was right); false (also when
     *     absent or null) keeps the balance (the count was wrong)
     * @param approvedBy a prescriber with a DEA registration approving for the registrant
     */
    record ResolveDiscrepancyRequest(
            @NotBlank @Size(max = 4000) String explanation,
            @Schema(defaultValue = "false") Boolean adjustToCount,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String resolvedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String approvedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        ResolveDiscrepancyCommand toCommand(StockLotRef lot, String discrepancyId) {
            return new ResolveDiscrepancyCommand(
                    lot,
                    discrepancyId,
                    explanation,
                    Boolean.TRUE.equals(adjustToCount),
                    resolvedBy,
                    approvedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    /**
     * @param correctedEventId the event id of the entry to correct, as its write's receipt listed it
     * @param correctedQuantity what the entry should have said; absent when it should not exist at all
     */
    record CorrectEntryRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}")
            String correctedEventId,

            @Valid QuantityBody correctedQuantity,
            @NotBlank @Size(max = 4000) String reason,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String correctedBy,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String approvedBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        /** A correction of an entry about a client seals its reasons under the client's data key. */
        CorrectEntryCommand toCommand(StockLotRef lot, String correctionId, ClientStockText text) {
            ClientRef client = text.clientOfEntry(lot, correctedEventId);
            return new CorrectEntryCommand(
                    lot,
                    correctionId,
                    correctedEventId,
                    correctedQuantity == null ? null : correctedQuantity.toQuantity(),
                    client == null ? reason : null,
                    correctedBy,
                    approvedBy,
                    occurredAt,
                    text.lateEntry(lateEntry, () -> client),
                    client == null ? null : text.seal(client, ClientStockText.SEALED_REASON, reason));
        }
    }
}
