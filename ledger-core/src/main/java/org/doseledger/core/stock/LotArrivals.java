package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotDetailsMismatchException;
import org.doseledger.core.stock.api.LotExpiryMismatchException;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;
import org.doseledger.core.stock.api.ReceiptAlreadyRecordedException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.ReceiveTransferCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.TransferToSameLocationException;

/**
 * Stock arriving at the lot: a receipt from a supplier, or a transfer from another location of the practice. A
 * part of {@link StockLot}: it decides, the lot keeps the state.
 */
final class LotArrivals {

    private final StockLot state;
    private final LotChecks checks;

    LotArrivals(StockLot state) {
        this.state = state;
        this.checks = new LotChecks(state);
    }

    void handle(
            ReceiveStockCommand command,
            Catalogue catalogue,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        StockLotRef ref = command.lot();
        ProductFacts product = catalogue
                .find(ref.practiceId(), ref.ndc())
                .orElseThrow(() -> new UnknownRecordException("product", ref.ndc()));
        LotChecks.requireRegisteredBy("product", ref.ndc(), product.registeredAt(), command.occurredAt());
        LotChecks.requireLocation(locations, ref.practiceId(), ref.locationId(), command.occurredAt());
        if (command.containers() < 1) {
            throw new InvalidQuantityException("A receipt needs at least one container, not " + command.containers());
        }
        if (state.recordedIds.contains(command.receiptId())) {
            throw new ReceiptAlreadyRecordedException(ref, command.receiptId());
        }
        if (state.expiresOn != null && !state.expiresOn.equals(command.expiresOn())) {
            throw new LotExpiryMismatchException(ref, state.expiresOn, command.expiresOn());
        }
        LotActor receiver = new LotActor(
                        ref.practiceId(), command.receivedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.RECEIVE);
        RegistrantRules.requireOtherRegistrant(
                command.supplier(), ref.practiceId(), ref.locationId(), practices, locations);
        LateEntry late = receiver.late(command.lateEntry());
        Quantity received = product.containerSize().times(command.containers());
        ZoneId zone = practices.timeZone(ref.practiceId()).orElse(ZoneOffset.UTC);
        boolean expired = LocalDate.ofInstant(command.occurredAt(), zone).isAfter(command.expiresOn());
        apply(new StockReceivedEvent(
                ref,
                command.receiptId(),
                product.substance(),
                product.strength(),
                command.expiresOn(),
                command.containers(),
                product.containerSize(),
                received,
                product.strength().milligramsIn(received),
                command.supplier(),
                command.invoiceNumber(),
                command.receivedBy(),
                checks.current(received).plus(received),
                command.occurredAt(),
                late,
                expired ? Boolean.TRUE : null));
    }

    void handle(
            ReceiveTransferCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        StockLotRef ref = command.lot();
        LotChecks.requireLocation(locations, ref.practiceId(), ref.locationId(), command.occurredAt());
        if (state.recordedIds.contains(command.transferId())) {
            throw new EntryAlreadyRecordedException(ref, "transfer", command.transferId());
        }
        if (state.expiresOn != null && !state.expiresOn.equals(command.expiresOn())) {
            throw new LotExpiryMismatchException(ref, state.expiresOn, command.expiresOn());
        }
        if (state.strength != null && !state.strength.equals(command.strength())) {
            throw new LotDetailsMismatchException(
                    ref, "strength " + state.strength + " here, " + command.strength() + " sent");
        }
        if (state.containerSize != null && !state.containerSize.equals(command.containerSize())) {
            throw new LotDetailsMismatchException(
                    ref, "containers of " + state.containerSize + " here, " + command.containerSize() + " sent");
        }
        if (state.substance != null && state.substance != command.substance()) {
            throw new LotDetailsMismatchException(ref, state.substance + " here, " + command.substance() + " sent");
        }
        if (command.fromLocationId().equals(ref.locationId())) {
            throw new TransferToSameLocationException(ref);
        }
        if (command.quantity().unit() != command.strength().unit()) {
            throw new QuantityUnitMismatchException(
                    ref, command.strength().unit(), command.quantity().unit());
        }
        String problem = Quantity.problemWith(
                command.quantity().amount(), command.quantity().unit());
        if (problem != null) {
            throw new InvalidQuantityException(problem);
        }
        LateEntry late = new LotActor(
                        ref.practiceId(),
                        command.transferredBy(),
                        command.occurredAt(),
                        practitioners,
                        practices,
                        clock)
                .allowedTo(StockAction.TRANSFER)
                .witnessedBy(command.witnessedBy())
                .late(command.lateEntry());
        apply(new StockTransferredInEvent(
                ref,
                command.transferId(),
                command.fromLocationId(),
                command.substance(),
                command.strength(),
                command.expiresOn(),
                command.containerSize(),
                command.quantity(),
                command.strength().milligramsIn(command.quantity()),
                command.transferredBy(),
                command.witnessedBy(),
                checks.current(command.quantity()).plus(command.quantity()),
                command.occurredAt(),
                late));
    }
}
