package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;

/**
 * Stock of a lot was received into a location: from whom, on which invoice, how many containers,
 * the quantity and milligrams they hold, and the lot's balance afterwards. {@code lateEntry} is null
 * when the receipt was recorded in time. {@code expiredWhenReceived} is true when the lot's expiry date
 * had passed on the day it was received (in the practice's calendar): the receipt stands, since the
 * vials are in the safe, and a compliance officer is asked to look at it; null otherwise, and in
 * receipts recorded before the field existed.
 */
@Revision("1")
public record StockReceivedEvent(
        StockLotRef lot,
        String receiptId,
        Substance substance,
        Strength strength,
        LocalDate expiresOn,
        int containers,
        Quantity containerSize,
        Quantity quantity,
        BigDecimal milligrams,
        Supplier supplier,
        String invoiceNumber,
        String receivedBy,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry,
        Boolean expiredWhenReceived)
        implements LedgerEvent {

    /** A receipt of a lot that had not expired. */
    public StockReceivedEvent(
            StockLotRef lot,
            String receiptId,
            Substance substance,
            Strength strength,
            LocalDate expiresOn,
            int containers,
            Quantity containerSize,
            Quantity quantity,
            BigDecimal milligrams,
            Supplier supplier,
            String invoiceNumber,
            String receivedBy,
            Quantity balanceAfter,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(
                lot,
                receiptId,
                substance,
                strength,
                expiresOn,
                containers,
                containerSize,
                quantity,
                milligrams,
                supplier,
                invoiceNumber,
                receivedBy,
                balanceAfter,
                occurredAt,
                lateEntry,
                null);
    }
}
