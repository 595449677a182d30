package org.doseledger.core.stock.api;

import org.doseledger.core.shared.PracticeId;

/**
 * One lot of one product at one storage location of a practice: the unit whose balance the ledger
 * keeps and never lets go below zero.
 */
public record StockLotRef(PracticeId practiceId, String locationId, String ndc, String lotNumber) {

    /** The event-store identifier of the lot's stream at that location. */
    public String aggregateId() {
        return "lot:" + practiceId.value() + ":" + locationId + ":" + ndc + ":" + lotNumber;
    }

    @Override
    public String toString() {
        return "lot " + lotNumber + " of " + ndc + " at " + locationId;
    }
}
