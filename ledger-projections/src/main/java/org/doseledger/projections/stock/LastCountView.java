package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot's most recent physical count and what became of its difference: {@code NONE} (the count
 * matched the balance), {@code OPEN} (a discrepancy awaits explanation) or {@code RESOLVED}.
 */
public record LastCountView(
        String countId, BigDecimal counted, Instant countedAt, String discrepancy, BigDecimal difference) {}
