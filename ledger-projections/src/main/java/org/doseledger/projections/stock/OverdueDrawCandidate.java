package org.doseledger.projections.stock;

import org.doseledger.core.stock.api.StockLotRef;

/** A draw that may be past the open-draw limit: the lot and the draw to check. */
public record OverdueDrawCandidate(StockLotRef lot, String drawId) {}
