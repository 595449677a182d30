package org.doseledger.projections.stock;

import org.doseledger.core.stock.api.StockLotRef;

/** The current balance and state of one lot at one location. */
public record FindStockLotQuery(StockLotRef lot) {}
