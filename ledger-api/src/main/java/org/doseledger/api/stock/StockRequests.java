package org.doseledger.api.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.web.CommonRequests.LateEntryBody;
import org.doseledger.api.web.CommonRequests.QuantityBody;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.core.stock.api.WasteDoseCommand;

final class StockRequests {

    private StockRequests() {}

    /** The registrant that shipped the stock. */
    record SupplierBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressBody address,
            @NotBlank @ValidDeaNumber String deaNumber) {

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

    /** @param sessionId the dosing session the dose is for, when the practice software has one */
    record DrawDoseRequest(
            @NotNull @Valid QuantityBody quantity,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String clientId,

            @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String sessionId,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String drawnBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        DrawDoseCommand toCommand(StockLotRef lot, String drawId) {
            return new DrawDoseCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    clientId,
                    sessionId,
                    drawnBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }

    record RecordAdministrationRequest(
            @NotNull @Valid QuantityBody quantity,
            @NotNull Route route,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String administeredBy,

            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LateEntryBody lateEntry) {

        RecordAdministrationCommand toCommand(StockLotRef lot, String drawId) {
            return new RecordAdministrationCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    route,
                    administeredBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
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

        WasteDoseCommand toCommand(StockLotRef lot, String drawId) {
            return new WasteDoseCommand(
                    lot,
                    drawId,
                    quantity.toQuantity(),
                    method,
                    wastedBy,
                    witnessedBy,
                    occurredAt,
                    LateEntryBody.toLateEntry(lateEntry));
        }
    }
}
