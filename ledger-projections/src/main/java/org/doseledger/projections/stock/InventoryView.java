package org.doseledger.projections.stock;

import java.util.List;

/** A practice's stock now: one line per lot at a location, and what each substance adds up to. */
public record InventoryView(String practiceId, List<InventoryLineView> lots, List<SubstanceTotalView> totals) {}
