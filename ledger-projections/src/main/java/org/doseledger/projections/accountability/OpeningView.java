package org.doseledger.projections.accountability;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where the period starts: the count taken at or before {@code from} (its id, kind and time), or zero
 * at the lot's first entry when there is none ({@code countId} absent).
 */
public record OpeningView(BigDecimal quantity, String countId, String countKind, Instant countedAt) {}
