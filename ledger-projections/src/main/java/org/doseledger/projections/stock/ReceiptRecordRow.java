package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One receipt of stock, as the receipts log lists it (21 CFR 1304.22(c)). */
public record ReceiptRecordRow(
        long ledgerPosition,
        String eventId,
        String receiptId,
        Instant occurredAt,
        Instant recordedAt,
        String supplierName,
        String supplierAddress,
        String supplierDeaNumber,
        String invoiceNumber,
        String ndc,
        String productName,
        String substance,
        String finishedForm,
        int containers,
        BigDecimal containerSize,
        String unit,
        BigDecimal quantity,
        BigDecimal milligrams,
        String lotNumber,
        LocalDate expiresOn,
        String locationId,
        String locationName,
        String receivedBy,
        boolean lateEntry,
        String receivedByName,
        String lateEntryReason,
        String lateEntryCosignedBy) {}
