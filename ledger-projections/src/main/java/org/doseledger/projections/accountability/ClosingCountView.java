package org.doseledger.projections.accountability;

import java.math.BigDecimal;
import java.time.Instant;

/** The period's last physical count against the balance expected when it was taken (counted - expected). */
public record ClosingCountView(
        String countId,
        String countKind,
        Instant countedAt,
        BigDecimal counted,
        BigDecimal expected,
        BigDecimal difference) {}
