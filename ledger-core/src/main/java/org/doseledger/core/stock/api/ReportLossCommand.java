package org.doseledger.core.stock.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;

/** Report a theft or significant loss from the lot (21 CFR 1301.76(b), DEA Form 106); {@code occurredAt} is when it was discovered. */
public record ReportLossCommand(
        StockLotRef lot,
        String lossId,
        Quantity quantity,
        LossType lossType,
        PoliceReport policeReport,
        String description,
        String reportedBy,
        Instant occurredAt,
        LateEntry lateEntry,
        LossDetails details) {

    /** A loss reported without the Form 106 details. */
    public ReportLossCommand(
            StockLotRef lot,
            String lossId,
            Quantity quantity,
            LossType lossType,
            PoliceReport policeReport,
            String description,
            String reportedBy,
            Instant occurredAt,
            LateEntry lateEntry) {
        this(lot, lossId, quantity, lossType, policeReport, description, reportedBy, occurredAt, lateEntry, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return lot.aggregateId();
    }
}
