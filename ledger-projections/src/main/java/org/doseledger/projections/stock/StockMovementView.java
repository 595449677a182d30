package org.doseledger.projections.stock;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement of a lot: what happened, how much, the change to the balance (zero for
 * administrations and waste, which account for stock already drawn), the balance after, who acted and
 * who witnessed, when it occurred and when it was recorded, and the event's own fields.
 */
public record StockMovementView(
        long ledgerPosition,
        String eventId,
        String movement,
        BigDecimal quantity,
        BigDecimal milligrams,
        BigDecimal balanceChange,
        BigDecimal balanceAfter,
        String drawId,
        String clientId,
        String actor,
        String witness,
        boolean lateEntry,
        Instant occurredAt,
        Instant recordedAt,
        JsonNode details) {}
