package org.doseledger.core.stock;

import java.util.Map;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.EntryNotCorrectableException;
import org.doseledger.core.stock.api.Movement;

/**
 * What correcting an entry does: the exact inverse of the entry plus the corrected quantity (none when
 * the entry should not exist), to the balance and, for dose entries, to their draw.
 */
final class Corrections {

    private Corrections() {}

    /** The balance change and, for dose entries, the draw as it stands after the correction. */
    record Outcome(Quantity balanceChange, DrawState draw) {}

    static Outcome apply(Entry entry, Quantity corrected, Map<String, DrawState> draws, String eventId) {
        Quantity replacement =
                corrected != null ? corrected : Quantity.zero(entry.quantity().unit());
        Quantity zero = Quantity.zero(entry.quantity().unit());
        return switch (entry.movement()) {
            case RECEIVED, DISPENSED, RETURNED, DESTROYED, LOST ->
                new Outcome(
                        new Entry(entry.movement(), replacement, null, entry.occurredAt())
                                .balanceEffect()
                                .minus(entry.balanceEffect()),
                        null);
            case DRAWN -> {
                DrawState draw = draws.get(entry.drawId());
                if (replacement.compareTo(draw.accounted()) < 0) {
                    throw new EntryNotCorrectableException(
                            eventId, "draw " + entry.drawId() + " already has " + draw.accounted() + " accounted for");
                }
                DrawState redrawn = draw.redrawn(replacement);
                // a draw corrected to nothing is void: closed, with nothing to account for
                DrawState after = replacement.isZero() ? redrawn.close() : redrawn.reopenIfUnaccounted();
                yield new Outcome(draw.drawn().minus(replacement), after);
            }
            case ADMINISTERED, WASTED -> {
                DrawState draw = draws.get(entry.drawId());
                Quantity change = replacement.minus(entry.quantity());
                DrawState after =
                        entry.movement() == Movement.ADMINISTERED ? draw.administer(change) : draw.waste(change);
                if (after.unaccounted().isNegative()) {
                    throw new DrawOverAccountedException(entry.drawId(), change, draw.unaccounted());
                }
                yield new Outcome(zero, after.reopenIfUnaccounted());
            }
            case TRANSFERRED_IN, TRANSFERRED_OUT, ADJUSTED ->
                throw new EntryNotCorrectableException(eventId, entry.movement() + " entries are not corrected");
        };
    }
}
