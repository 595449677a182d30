package org.doseledger.projections.accountability;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the period. A correction takes effect at the time of the entry it corrects
 * ({@code effectiveAt}); every other entry at its occurred time.
 */
public record AccountabilityMovementView(
        long ledgerPosition,
        String eventId,
        String movement,
        String correctedMovement,
        String correctedEventId,
        BigDecimal quantity,
        BigDecimal balanceChange,
        String drawId,
        String clientId,
        String actor,
        String witness,
        boolean lateEntry,
        Instant occurredAt,
        Instant effectiveAt,
        Instant recordedAt) {}
