package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.BusinessDays;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.InvalidLossReportException;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.ReportLossCommand;
import org.doseledger.core.stock.api.ReturnStockCommand;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockReturnedEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.core.stock.api.TransferBetweenRegistrantsException;
import org.doseledger.core.stock.api.TransferStockCommand;
import org.doseledger.core.stock.api.TransferToSameLocationException;
import org.doseledger.core.stock.api.TwoWitnessesRequiredException;

/**
 * Stock leaving the lot other than as a dose: transferred out, returned, destroyed before two witnesses, or
 * lost. A part of {@link StockLot}: it decides, the lot keeps the state.
 */
final class LotRemovals {

    private final StockLot state;
    private final LotChecks checks;

    LotRemovals(StockLot state) {
        this.state = state;
        this.checks = new LotChecks(state);
    }

    void handle(
            TransferStockCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        checks.requireValid(command.quantity());
        checks.requireNew("transfer", command.transferId());
        if (command.toLocationId().equals(state.lot.locationId())) {
            throw new TransferToSameLocationException(state.lot);
        }
        LotChecks.requireLocation(locations, state.lot.practiceId(), command.toLocationId(), command.occurredAt());
        String here = locations
                .registration(state.lot.practiceId(), state.lot.locationId())
                .orElse(null);
        String there = locations
                .registration(state.lot.practiceId(), command.toLocationId())
                .orElse(null);
        if (!java.util.Objects.equals(here, there)) {
            throw new TransferBetweenRegistrantsException(state.lot, command.toLocationId(), here, there);
        }
        LateEntry late = checks.actor(command.transferredBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.TRANSFER)
                .witnessedBy(command.witnessedBy())
                .late(command.lateEntry());
        apply(new StockTransferredOutEvent(
                state.lot,
                command.transferId(),
                command.toLocationId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                state.expiresOn,
                command.transferredBy(),
                command.witnessedBy(),
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    void handle(ReturnStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireValid(command.quantity());
        checks.requireNew("return", command.returnId());
        LateEntry late = checks.actor(command.returnedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.RETURN)
                .witnessedBy(command.witnessedBy())
                .late(command.lateEntry());
        apply(new StockReturnedEvent(
                state.lot,
                command.returnId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                command.returnedTo(),
                command.reason(),
                command.returnedBy(),
                command.witnessedBy(),
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    void handle(DestroyStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireValid(command.quantity());
        checks.requireNew("destruction", command.destructionId());
        List<String> witnesses = command.witnessedBy() == null ? List.of() : command.witnessedBy();
        if (witnesses.size() != 2
                || witnesses.stream().anyMatch(Objects::isNull)
                || witnesses.get(0).equals(witnesses.get(1))
                || witnesses.contains(command.destroyedBy())) {
            throw new TwoWitnessesRequiredException(command.destroyedBy(), witnesses);
        }
        LotActor destroyedBy = checks.actor(
                        command.destroyedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.DESTROY);
        for (String witness : witnesses) {
            destroyedBy.witnessedBy(witness);
        }
        LateEntry late = destroyedBy.late(command.lateEntry());
        Containers split = Containers.split(command.quantity(), state.containerSize);
        apply(new StockDestroyedEvent(
                state.lot,
                command.destructionId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                state.containerSize,
                split.full(),
                split.partial(),
                command.method(),
                command.place(),
                command.destroyedBy(),
                List.copyOf(witnesses),
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    void handle(ReportLossCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireValid(command.quantity());
        checks.requireNew("loss", command.lossId());
        LateEntry late = checks.actor(command.reportedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.REPORT_LOSS)
                .late(command.lateEntry());
        LocalDate discoveredOn = LocalDate.ofInstant(command.occurredAt(), checks.zone(practices));
        requireValidLoss(command.details(), command.lossType(), discoveredOn);
        apply(new StockLossReportedEvent(
                state.lot,
                command.lossId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                command.lossType(),
                command.policeReport(),
                command.description(),
                command.reportedBy(),
                BusinessDays.nextAfter(discoveredOn),
                discoveredOn.plusDays(45),
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.details()));
    }

    /** See {@link LossDetails}: lost by the day discovered, a value not negative, a carrier for a loss in transit. */
    private static void requireValidLoss(LossDetails details, LossType type, LocalDate discoveredOn) {
        if (type == LossType.LOST_IN_TRANSIT && (details == null || details.carrier() == null)) {
            throw new InvalidLossReportException(
                    "A loss in transit names the carrier that held the shipment (DEA Form 106)");
        }
        if (details == null) {
            return;
        }
        if (details.lostOn() != null && details.lostOn().isAfter(discoveredOn)) {
            throw new InvalidLossReportException("A loss on " + details.lostOn()
                    + " cannot have been discovered before it happened, on " + discoveredOn);
        }
        if (details.estimatedValueUsd() != null && details.estimatedValueUsd().signum() < 0) {
            throw new InvalidLossReportException("The value of a loss cannot be negative: "
                    + details.estimatedValueUsd().toPlainString());
        }
        if (details.carrier() != null && type != LossType.LOST_IN_TRANSIT) {
            throw new InvalidLossReportException("Only a loss in transit names a carrier, not a " + type + " loss");
        }
    }
}
