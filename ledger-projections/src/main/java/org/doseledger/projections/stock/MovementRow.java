package org.doseledger.projections.stock;

import java.math.BigDecimal;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.stock.api.StockLotRef;

/**
 * One row of {@code stock_movement} as a handler describes it: the lot and the kind of movement, then only
 * what that movement has (its quantity, its effect on the balance, its draw, client, actor, witness, late
 * entry), each named where it is given rather than as the ninth of fourteen positional arguments.
 */
final class MovementRow {

    final StockLotRef lot;
    final String movement;
    Quantity quantity;
    BigDecimal milligrams;
    Quantity balanceChange;
    Quantity balanceAfter;
    String drawId;
    String clientId;
    String actor;
    String witness;
    LateEntry lateEntry;

    private MovementRow(StockLotRef lot, String movement) {
        this.lot = lot;
        this.movement = movement;
    }

    static MovementRow of(StockLotRef lot, String movement) {
        return new MovementRow(lot, movement);
    }

    /** The quantity the entry records, and its milligrams. */
    MovementRow quantity(Quantity quantity, BigDecimal milligrams) {
        this.quantity = quantity;
        this.milligrams = milligrams;
        return this;
    }

    /** How the entry moved the lot's balance, and the balance after it. */
    MovementRow balance(Quantity change, Quantity after) {
        this.balanceChange = change;
        this.balanceAfter = after;
        return this;
    }

    MovementRow draw(String drawId) {
        this.drawId = drawId;
        return this;
    }

    MovementRow client(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /** The practitioner who recorded it. */
    MovementRow by(String actor) {
        this.actor = actor;
        return this;
    }

    /** The second practitioner: a witness, or the approver of a correction or resolution. */
    MovementRow witness(String witness) {
        this.witness = witness;
        return this;
    }

    MovementRow late(LateEntry lateEntry) {
        this.lateEntry = lateEntry;
        return this;
    }
}
