package org.doseledger.core.stock;

import org.doseledger.core.shared.Quantity;

/** An open draw: what was drawn, for whom, by whom, and how much of it is accounted for so far. */
record DrawState(String clientId, String drawnBy, Quantity drawn, Quantity administered, Quantity wasted) {

    Quantity unaccounted() {
        return drawn.minus(administered).minus(wasted);
    }

    DrawState administer(Quantity quantity) {
        return new DrawState(clientId, drawnBy, drawn, administered.plus(quantity), wasted);
    }

    DrawState waste(Quantity quantity) {
        return new DrawState(clientId, drawnBy, drawn, administered, wasted.plus(quantity));
    }
}
