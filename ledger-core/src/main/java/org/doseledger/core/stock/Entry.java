package org.doseledger.core.stock;

import java.time.Instant;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.Movement;

/**
 * An entry of the lot that a correction may name: its kind, quantity, (for dose entries) its draw, and
 * when it occurred, which is when a correction of it takes effect.
 */
record Entry(Movement movement, Quantity quantity, String drawId, Instant occurredAt) {

    /** How the entry changed the lot's balance: receipts add, removals subtract, dose accounting is neutral. */
    Quantity balanceEffect() {
        return switch (movement) {
            case RECEIVED, TRANSFERRED_IN, ADJUSTED -> quantity;
            case DRAWN, DISPENSED, TRANSFERRED_OUT, RETURNED, DESTROYED, LOST -> quantity.negate();
            case ADMINISTERED, WASTED -> Quantity.zero(quantity.unit());
        };
    }
}
