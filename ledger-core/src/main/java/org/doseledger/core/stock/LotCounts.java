package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.DiscrepancyAlreadyResolvedException;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.EntryAlreadyCorrectedException;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.EntryNotCorrectableException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.ResolveDiscrepancyCommand;
import org.doseledger.core.stock.api.StockCountedEvent;

/**
 * Counts of the lot, the discrepancies they find and their resolution, and corrections of earlier entries. A
 * part of {@link StockLot}: it decides, the lot keeps the state.
 */
final class LotCounts {

    private final StockLot state;
    private final LotChecks checks;

    LotCounts(StockLot state) {
        this.state = state;
        this.checks = new LotChecks(state);
    }

    void handle(RecordCountCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireUnit(command.counted());
        if (command.counted().isNegative()) {
            throw new InvalidQuantityException("a count cannot be negative: " + command.counted());
        }
        if (!command.counted().isZero()) {
            checks.requireValid(command.counted());
        }
        checks.requireNew("count", command.countId());
        checks.requireArrived(command.occurredAt());
        LateEntry late = checks.actor(command.countedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.COUNT)
                .witnessedBy(command.witnessedBy())
                .late(command.lateEntry());
        // a count is compared with what the lot held when it was counted, not with today's balance
        Quantity expected = state.history.at(command.occurredAt(), state.balance.unit());
        Quantity difference = command.counted().minus(expected);
        apply(new StockCountedEvent(
                state.lot,
                command.countId(),
                command.kind(),
                command.timing(),
                command.counted(),
                expected,
                difference,
                command.exact(),
                command.countedBy(),
                command.witnessedBy(),
                command.occurredAt(),
                late));
        if (!difference.isZero()) {
            apply(new DiscrepancyRecordedEvent(
                    state.lot, command.countId(), expected, command.counted(), difference, command.occurredAt()));
        }
    }

    void handle(ResolveDiscrepancyCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        Quantity difference = state.openDiscrepancies.get(command.discrepancyId());
        if (difference == null) {
            if (state.resolvedDiscrepancies.contains(command.discrepancyId())) {
                throw new DiscrepancyAlreadyResolvedException(command.discrepancyId());
            }
            throw new UnknownRecordException("discrepancy", command.discrepancyId());
        }
        checks.requireArrived(command.occurredAt());
        LateEntry late = checks.actor(command.resolvedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.COUNT)
                .approvedBy(command.approvedBy())
                .late(command.lateEntry());
        Quantity adjustment = command.adjustToCount() ? difference : Quantity.zero(difference.unit());
        Quantity after = state.balance.plus(adjustment);
        checks.requireStaysAtOrAboveZero(adjustment, command.occurredAt());
        apply(new DiscrepancyResolvedEvent(
                state.lot,
                command.discrepancyId(),
                command.explanation(),
                adjustment,
                state.strength.milligramsIn(adjustment),
                command.resolvedBy(),
                command.approvedBy(),
                after,
                command.occurredAt(),
                late));
    }

    void handle(CorrectEntryCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireNew("correction", command.correctionId());
        Entry entry = state.entries.get(command.correctedEventId());
        if (entry == null) {
            throw new EntryNotCorrectableException(
                    command.correctedEventId(), "it is not a quantity entry of the " + state.lot);
        }
        if (state.corrections.containsKey(command.correctedEventId())) {
            throw new EntryAlreadyCorrectedException(
                    command.correctedEventId(), state.corrections.get(command.correctedEventId()));
        }
        if (entry.movement() == Movement.TRANSFERRED_IN || entry.movement() == Movement.TRANSFERRED_OUT) {
            throw new EntryNotCorrectableException(
                    command.correctedEventId(), "a transfer is undone by a transfer back, which both locations see");
        }
        Quantity corrected = command.correctedQuantity();
        if (corrected != null) {
            checks.requireValid(corrected);
        }
        LateEntry late = checks.actor(command.correctedBy(), command.occurredAt(), practitioners, practices, clock)
                .allowedTo(StockAction.CORRECT)
                .approvedBy(command.approvedBy())
                .late(command.lateEntry());
        Corrections.Outcome outcome = Corrections.apply(entry, corrected, state.draws, command.correctedEventId());
        Quantity after = state.balance.plus(outcome.balanceChange());
        // a correction takes effect when the corrected entry occurred
        checks.requireStaysAtOrAboveZero(outcome.balanceChange(), entry.occurredAt());
        apply(new EntryCorrectedEvent(
                state.lot,
                command.correctionId(),
                command.correctedEventId(),
                entry.movement(),
                entry.drawId(),
                entry.quantity(),
                corrected,
                outcome.balanceChange(),
                after,
                command.reason(),
                command.correctedBy(),
                command.approvedBy(),
                command.occurredAt(),
                late,
                command.sealedReason()));
        if (outcome.draw() != null
                && !outcome.draw().closed()
                && outcome.draw().unaccounted().isZero()
                && !outcome.draw().accounted().isZero()) {
            DrawState draw = outcome.draw();
            apply(new DrawAccountedForEvent(
                    state.lot,
                    entry.drawId(),
                    draw.clientId(),
                    draw.drawn(),
                    draw.administered(),
                    draw.wasted(),
                    command.occurredAt()));
        }
    }
}
