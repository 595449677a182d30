package org.doseledger.core.stock;

import java.time.Instant;
import org.doseledger.core.shared.Quantity;

/**
 * A draw: what was drawn, when, for whom, by whom, how much of it is accounted for so far, whether it
 * is closed (administered plus wasted equals drawn) and whether it was flagged as overdue.
 */
record DrawState(
        String clientId,
        String sessionId,
        String drawnBy,
        Instant drawnAt,
        Quantity drawn,
        Quantity administered,
        Quantity wasted,
        boolean closed,
        boolean flaggedOverdue) {

    static DrawState opened(String clientId, String sessionId, String drawnBy, Instant drawnAt, Quantity drawn) {
        Quantity none = Quantity.zero(drawn.unit());
        return new DrawState(clientId, sessionId, drawnBy, drawnAt, drawn, none, none, false, false);
    }

    Quantity unaccounted() {
        return drawn.minus(administered).minus(wasted);
    }

    Quantity accounted() {
        return administered.plus(wasted);
    }

    DrawState administer(Quantity quantity) {
        return with(drawn, administered.plus(quantity), wasted, closed, flaggedOverdue);
    }

    DrawState waste(Quantity quantity) {
        return with(drawn, administered, wasted.plus(quantity), closed, flaggedOverdue);
    }

    DrawState redrawn(Quantity newDrawn) {
        return with(newDrawn, administered, wasted, closed, flaggedOverdue);
    }

    DrawState flagOverdue() {
        return with(drawn, administered, wasted, closed, true);
    }

    DrawState close() {
        return with(drawn, administered, wasted, true, flaggedOverdue);
    }

    /** A closed draw whose accounting was corrected so that something is unaccounted again is open again. */
    DrawState reopenIfUnaccounted() {
        return with(drawn, administered, wasted, closed && unaccounted().isZero(), flaggedOverdue);
    }

    private DrawState with(Quantity drawn, Quantity administered, Quantity wasted, boolean closed, boolean flagged) {
        return new DrawState(clientId, sessionId, drawnBy, drawnAt, drawn, administered, wasted, closed, flagged);
    }
}
