package org.doseledger.api.stock;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.doseledger.api.stock.StockRequests.CountedBody;
import org.doseledger.api.stock.StockRequests.RecordCountRequest;
import org.doseledger.api.write.AppendedEvent;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.StockLotRef;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * An inventory taken lot by lot, recorded as one write: a count of each lot (RecordCountCommand, each checked
 * by its lot as the count endpoint's are), all in one transaction, so an inventory is in the ledger whole or
 * not at all. A lot whose count differs from its balance opens a discrepancy, as a single count does.
 */
@Service
public class InventoryCounts {

    /** One lot's count, in the product's unit; {@code exact} false when opened containers were estimated. */
    public record LotCount(StockLotRef lot, BigDecimal counted, StockUnit unit, boolean exact) {}

    private final IdempotentWrites writes;
    private final LedgerWriter writer;

    InventoryCounts(IdempotentWrites writes, LedgerWriter writer) {
        this.writes = writes;
        this.writer = writer;
    }

    public ResponseEntity<Object> record(
            WriteContext context,
            PracticeId practice,
            CountKind kind,
            CountTiming timing,
            String countedBy,
            String witnessedBy,
            Instant occurredAt,
            List<LotCount> lots) {
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("an inventory counts at least one lot");
        }
        List<RecordCountRequest> requests = lots.stream()
                .map(lot -> new RecordCountRequest(
                        kind,
                        timing,
                        new CountedBody(lot.counted(), lot.unit()),
                        lot.exact(),
                        countedBy,
                        witnessedBy,
                        occurredAt,
                        null))
                .toList();
        String path = "/api/practices/" + practice.value() + "/inventory";
        return writes.execute(context, "POST " + path + "/counts", requests, () -> {
            String inventoryId = UUID.randomUUID().toString();
            List<AppendedEvent> events = new ArrayList<>();
            for (int i = 0; i < lots.size(); i++) {
                events.addAll(writer.send(
                        context,
                        requests.get(i)
                                .toCommand(lots.get(i).lot(), UUID.randomUUID().toString())));
            }
            return WriteOutcome.created(URI.create(path), WriteReceipt.of(inventoryId, events));
        });
    }
}
