package org.doseledger.core.stock;

import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.Movement;

/** An entry of the lot that a correction may name: its kind, quantity and (for dose entries) its draw. */
record Entry(Movement movement, Quantity quantity, String drawId) {

    /** How the entry changed the lot's balance: receipts add, removals subtract, dose accounting is neutral. */
    Quantity balanceEffect() {
        return switch (movement) {
            case RECEIVED, TRANSFERRED_IN, ADJUSTED -> quantity;
            case DRAWN, DISPENSED, TRANSFERRED_OUT, RETURNED, DESTROYED, LOST -> quantity.negate();
            case ADMINISTERED, WASTED -> Quantity.zero(quantity.unit());
        };
    }
}
