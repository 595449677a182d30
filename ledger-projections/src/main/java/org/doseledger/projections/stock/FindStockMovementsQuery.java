package org.doseledger.projections.stock;

import org.doseledger.core.stock.api.StockLotRef;

/** A lot's movements in ledger order, from {@code afterPosition} (exclusive), at most {@code limit}. */
public record FindStockMovementsQuery(StockLotRef lot, long afterPosition, int limit) {}
