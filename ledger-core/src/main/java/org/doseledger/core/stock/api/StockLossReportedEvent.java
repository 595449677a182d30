package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;

/** A theft or loss was discovered: how much, what kind, the police report, and when DEA must be notified (one business day) and Form 106 filed (45 days). */
@Revision("1")
public record StockLossReportedEvent(
        StockLotRef lot,
        String lossId,
        Quantity quantity,
        BigDecimal milligrams,
        LossType lossType,
        PoliceReport policeReport,
        String description,
        String reportedBy,
        LocalDate noticeDueOn,
        LocalDate form106DueOn,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry,
        LossDetails details)
        implements LedgerEvent {

    /** A loss reported without the Form 106 details (and every loss recorded before they existed). */
    public StockLossReportedEvent(
            StockLotRef lot,
            String lossId,
            Quantity quantity,
            BigDecimal milligrams,
            LossType lossType,
            PoliceReport policeReport,
            String description,
            String reportedBy,
            LocalDate noticeDueOn,
            LocalDate form106DueOn,
            Quantity balanceAfter,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(
                lot,
                lossId,
                quantity,
                milligrams,
                lossType,
                policeReport,
                description,
                reportedBy,
                noticeDueOn,
                form106DueOn,
                balanceAfter,
                occurredAt,
                lateEntry,
                null);
    }
}
