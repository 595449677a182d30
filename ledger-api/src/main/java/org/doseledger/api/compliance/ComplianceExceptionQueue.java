package org.doseledger.api.compliance;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.compliance.ComplianceExceptionCounts;
import org.doseledger.projections.compliance.ComplianceExceptionView;
import org.doseledger.projections.compliance.ComplianceExceptionsPage;
import org.doseledger.projections.compliance.CountComplianceExceptionsQuery;
import org.doseledger.projections.compliance.ExceptionStatus;
import org.doseledger.projections.compliance.FindComplianceExceptionQuery;
import org.doseledger.projections.compliance.FindComplianceExceptionsQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The exceptions queue as the REST API and the console both use it: pages of the queue as of today, one
 * exception, and the reviews (acknowledge, resolve), written only for an exception the queue holds and
 * kept idempotent under the write's key.
 */
@Service
public class ComplianceExceptionQueue {

    public static final Set<ExceptionStatus> UNRESOLVED =
            EnumSet.of(ExceptionStatus.OPEN, ExceptionStatus.ACKNOWLEDGED);

    private final QueryGateway queries;
    private final IdempotentWrites writes;
    private final LedgerWriter writer;
    private final Clock clock;

    ComplianceExceptionQueue(QueryGateway queries, IdempotentWrites writes, LedgerWriter writer, Clock clock) {
        this.queries = queries;
        this.writes = writes;
        this.writer = writer;
        this.clock = clock;
    }

    /** Most urgent first; {@code statuses} empty means the unresolved ones, {@code kinds} empty means all. */
    public ComplianceExceptionsPage page(
            PracticeId practice, Set<ExceptionStatus> statuses, Set<ExceptionKind> kinds, int offset, int limit) {
        return queries.query(
                        new FindComplianceExceptionsQuery(
                                practice,
                                today(),
                                statuses.isEmpty() ? UNRESOLVED : EnumSet.copyOf(statuses),
                                kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds),
                                offset,
                                limit),
                        ResponseTypes.instanceOf(ComplianceExceptionsPage.class))
                .join();
    }

    /** Counts over all of the practice's unresolved exceptions, as of today in the ledger's reckoning. */
    public ComplianceExceptionCounts counts(PracticeId practice) {
        return queries.query(
                        new CountComplianceExceptionsQuery(practice, today()),
                        ResponseTypes.instanceOf(ComplianceExceptionCounts.class))
                .join();
    }

    /** One exception; 404 EXCEPTION_NOT_FOUND when the practice's queue has no such exception. */
    public ComplianceExceptionView find(PracticeId practice, String exceptionId) {
        return queries.query(
                        new FindComplianceExceptionQuery(practice, exceptionId, today()),
                        ResponseTypes.optionalInstanceOf(ComplianceExceptionView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("exception", exceptionId));
    }

    public ResponseEntity<Object> acknowledge(
            WriteContext context, PracticeId practice, String exceptionId, String reviewedBy, String note) {
        var request = new ComplianceExceptionRequests.AcknowledgeRequest(reviewedBy, note);
        return review(
                context,
                practice,
                exceptionId,
                "acknowledgement",
                request,
                kind -> request.toCommand(practice, exceptionId, kind));
    }

    public ResponseEntity<Object> resolve(
            WriteContext context, PracticeId practice, String exceptionId, String reviewedBy, String note) {
        var request = new ComplianceExceptionRequests.ResolveRequest(reviewedBy, note);
        return review(
                context,
                practice,
                exceptionId,
                "resolution",
                request,
                kind -> request.toCommand(practice, exceptionId, kind));
    }

    private ResponseEntity<Object> review(
            WriteContext context,
            PracticeId practice,
            String exceptionId,
            String action,
            Object request,
            Function<ExceptionKind, Object> command) {
        String path = "/api/practices/" + practice.value() + "/exceptions/" + exceptionId;
        return writes.execute(context, "POST " + path + "/" + action, request, () -> {
            ComplianceExceptionView exception = find(practice, exceptionId);
            return WriteOutcome.created(
                    URI.create(path),
                    WriteReceipt.of(exceptionId, writer.send(context, command.apply(exception.kind()))));
        });
    }

    private LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
