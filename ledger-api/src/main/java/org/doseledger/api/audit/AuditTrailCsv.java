package org.doseledger.api.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.web.CsvWriter;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.audit.AuditTrailEntryView;
import org.doseledger.projections.audit.AuditTrailFilter;
import org.doseledger.projections.audit.AuditTrailPage;
import org.doseledger.projections.audit.FindAuditTrailQuery;

/** Every audit-trail entry matching a filter as CSV, as the API and the console both download it. */
public final class AuditTrailCsv {

    private static final int PAGE = 1000;

    private AuditTrailCsv() {}

    public static void write(
            QueryGateway queries,
            PracticeId practice,
            AuditTrailFilter filter,
            long after,
            HttpServletResponse response)
            throws IOException {
        AuditTrailPage page = query(queries, practice, filter, after);
        CsvWriter csv = CsvWriter.of(response, "audit-trail-" + practice.value() + ".csv");
        csv.row(
                "ledgerPosition",
                "eventId",
                "eventType",
                "occurredAt",
                "recordedAt",
                "aggregateId",
                "sequenceNumber",
                "clientId",
                "locationId",
                "substance",
                "practitioners",
                "credentialId",
                "requestId",
                "idempotencyKey",
                "payload",
                "metadata",
                "hash",
                "previousHash",
                "verified");
        while (true) {
            for (AuditTrailEntryView entry : page.entries()) {
                csv.row(
                        entry.ledgerPosition(),
                        entry.eventId(),
                        entry.eventType(),
                        entry.occurredAt(),
                        entry.recordedAt(),
                        entry.aggregateId(),
                        entry.sequenceNumber(),
                        entry.clientId(),
                        entry.locationId(),
                        entry.substance(),
                        entry.practitioners(),
                        entry.credentialId(),
                        entry.requestId(),
                        entry.idempotencyKey(),
                        entry.payload(),
                        entry.metadata(),
                        entry.hash(),
                        entry.previousHash(),
                        entry.verified());
            }
            if (page.nextAfterPosition() == null) {
                break;
            }
            page = query(queries, practice, filter, page.nextAfterPosition());
        }
        csv.flush();
    }

    private static AuditTrailPage query(
            QueryGateway queries, PracticeId practice, AuditTrailFilter filter, long after) {
        return queries.query(
                        new FindAuditTrailQuery(practice, filter, after, PAGE),
                        ResponseTypes.instanceOf(AuditTrailPage.class))
                .join();
    }
}
