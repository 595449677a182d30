package org.doseledger.core.stock;

import org.doseledger.core.shared.Quantity;

/**
 * A draw: what was drawn, for whom, by whom, how much of it is accounted for so far, and whether it
 * is closed (administered plus wasted equals drawn).
 */
record DrawState(
        String clientId, String drawnBy, Quantity drawn, Quantity administered, Quantity wasted, boolean closed) {

    static DrawState opened(String clientId, String drawnBy, Quantity drawn) {
        Quantity none = Quantity.zero(drawn.unit());
        return new DrawState(clientId, drawnBy, drawn, none, none, false);
    }

    Quantity unaccounted() {
        return drawn.minus(administered).minus(wasted);
    }

    Quantity accounted() {
        return administered.plus(wasted);
    }

    DrawState administer(Quantity quantity) {
        return new DrawState(clientId, drawnBy, drawn, administered.plus(quantity), wasted, closed);
    }

    DrawState waste(Quantity quantity) {
        return new DrawState(clientId, drawnBy, drawn, administered, wasted.plus(quantity), closed);
    }

    DrawState redrawn(Quantity newDrawn) {
        return new DrawState(clientId, drawnBy, newDrawn, administered, wasted, closed);
    }

    DrawState close() {
        return new DrawState(clientId, drawnBy, drawn, administered, wasted, true);
    }

    DrawState reopenIfUnaccounted() {
        return new DrawState(
                clientId,
                drawnBy,
                drawn,
                administered,
                wasted,
                closed && unaccounted().isZero());
    }
}
