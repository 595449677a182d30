package org.doseledger.projections.stock;

import java.time.Instant;

/** Draws still open, not yet flagged, drawn before the given time; at most {@code limit}, oldest first. */
public record FindDrawsOpenSinceQuery(Instant drawnBefore, int limit) {}
