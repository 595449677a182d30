package org.doseledger.api.stock;

import java.net.URI;
import org.doseledger.api.stock.StockRequests.ResolveDiscrepancyRequest;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.stock.api.StockLotRef;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Resolving a count discrepancy, as the lot's endpoint and the console both record it: an explanation, whether
 * the balance takes the count, who resolved it and the prescriber who approved, checked by the lot
 * (ResolveDiscrepancyCommand) and kept idempotent under the write's key.
 */
@Service
public class DiscrepancyResolutions {

    private final IdempotentWrites writes;
    private final LedgerWriter writer;

    DiscrepancyResolutions(IdempotentWrites writes, LedgerWriter writer) {
        this.writes = writes;
        this.writer = writer;
    }

    public ResponseEntity<Object> resolve(
            WriteContext context,
            StockLotRef lot,
            String discrepancyId,
            String explanation,
            boolean adjustToCount,
            String resolvedBy,
            String approvedBy) {
        return resolve(
                context,
                lot,
                discrepancyId,
                new ResolveDiscrepancyRequest(
                        explanation, adjustToCount, resolvedBy, approvedBy, context.recordedAt(), null));
    }

    ResponseEntity<Object> resolve(
            WriteContext context, StockLotRef lot, String discrepancyId, ResolveDiscrepancyRequest request) {
        String path = StockController.path(lot);
        return writes.execute(
                context,
                "POST " + path + "/discrepancies/" + discrepancyId + "/resolution",
                request,
                () -> WriteOutcome.created(
                        URI.create(path),
                        WriteReceipt.of(discrepancyId, writer.send(context, request.toCommand(lot, discrepancyId)))));
    }
}
