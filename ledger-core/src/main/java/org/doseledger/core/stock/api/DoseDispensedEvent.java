package org.doseledger.core.stock.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;

/**
 * A take-home dose was dispensed to a client on a prescriber's order; {@code pdmpReportable} marks it for
 * the state PDMP file; {@code prescription} is the prescription it was dispensed on (absent from events
 * recorded before it was required, which read as null); {@code fillNumber} is which fill of it this is (0
 * the first, then one per refill; null before fills were counted).
 */
@Revision("1")
public record DoseDispensedEvent(
        StockLotRef lot,
        String dispensationId,
        Quantity quantity,
        BigDecimal milligrams,
        Route route,
        String clientId,
        String prescribedBy,
        String dispensedBy,
        int daysSupply,
        boolean pdmpReportable,
        Quantity balanceAfter,
        Instant occurredAt,
        LateEntry lateEntry,
        Prescription prescription,
        Integer fillNumber)
        implements ClientEvent {

    /** A dispensing on the first fill of its prescription (or on none, before prescriptions were required). */
    public DoseDispensedEvent(
            StockLotRef lot,
            String dispensationId,
            Quantity quantity,
            BigDecimal milligrams,
            Route route,
            String clientId,
            String prescribedBy,
            String dispensedBy,
            int daysSupply,
            boolean pdmpReportable,
            Quantity balanceAfter,
            Instant occurredAt,
            LateEntry lateEntry,
            Prescription prescription) {
        this(
                lot,
                dispensationId,
                quantity,
                milligrams,
                route,
                clientId,
                prescribedBy,
                dispensedBy,
                daysSupply,
                pdmpReportable,
                balanceAfter,
                occurredAt,
                lateEntry,
                prescription,
                prescription == null ? null : 0);
    }

    @Override
    public PracticeId practiceId() {
        return lot.practiceId();
    }
}
