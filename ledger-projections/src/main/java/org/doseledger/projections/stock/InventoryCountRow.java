package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an initial or biennial inventory (21 CFR 1304.11): one lot counted, in full containers and
 * the partial (opened) one, exact or estimated, with the milligrams it holds and whether it is expired
 * stock awaiting destruction.
 */
public record InventoryCountRow(
        long ledgerPosition,
        String eventId,
        String countId,
        String kind,
        String timing,
        Instant countedAt,
        String substance,
        String finishedForm,
        String ndc,
        String lotNumber,
        LocalDate expiresOn,
        boolean expired,
        BigDecimal containerSize,
        String unit,
        Long fullContainers,
        BigDecimal partialQuantity,
        BigDecimal quantity,
        BigDecimal milligrams,
        boolean exact,
        BigDecimal expected,
        BigDecimal difference,
        String locationId,
        String locationName,
        String countedBy,
        String witnessedBy,
        boolean lateEntry,
        String lateEntryReason,
        String lateEntryCosignedBy) {}
