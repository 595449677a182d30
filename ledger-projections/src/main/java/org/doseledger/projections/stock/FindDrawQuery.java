package org.doseledger.projections.stock;

import org.doseledger.core.stock.api.StockLotRef;

/** One draw of a lot and how it was accounted for. */
public record FindDrawQuery(StockLotRef lot, String drawId) {}
