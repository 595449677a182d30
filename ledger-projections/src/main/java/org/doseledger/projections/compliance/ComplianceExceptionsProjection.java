package org.doseledger.projections.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.compliance.api.ExceptionResolvedEvent;
import org.doseledger.core.compliance.api.ExceptionReviewIds;
import org.doseledger.core.integrity.api.ReadModelDivergedEvent;
import org.doseledger.core.integrity.api.ReadModelRepairedEvent;
import org.doseledger.core.integrity.api.SealingHaltedEvent;
import org.doseledger.core.integrity.api.SealingResumedEvent;
import org.doseledger.core.practice.api.HistoryImportOpenedEvent;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.projections.support.EventMessages;
import org.doseledger.projections.support.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Raises compliance exceptions from the ledger's events and clears those the ledger itself settles
 * (a draw accounted for, a discrepancy resolved, a REMS form submitted); records officers' reviews.
 * An exception's id is derived from what it is about, so raising it again (a replay, a redelivered
 * batch) changes nothing. Each kind of event has its handler; every one of them, and the handler of any
 * other event, also raises LATE_ENTRY when the event was recorded late (Axon calls the most specific
 * handler only, so each ends with {@link #lateEntry}).
 */
@ProcessingGroup(ComplianceExceptionsProjection.PROCESSING_GROUP)
public class ComplianceExceptionsProjection {

    public static final String PROCESSING_GROUP = "compliance-exceptions";

    /** The practice id of exceptions about the whole ledger, shown in every practice's queue. */
    static final String EVERY_PRACTICE = "*";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ComplianceExceptionsProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DrawOverdueEvent overdue, EventMessage<?> message, @LedgerPosition long position) {
        raise(
                overdue.lot(),
                ExceptionKind.DRAW_OVERDUE,
                overdue.drawId(),
                overdue.occurredAt(),
                null,
                overdue.clientId(),
                overdue.drawnBy(),
                position,
                "Draw " + overdue.drawId() + " of lot " + overdue.lot().lotNumber() + " at "
                        + overdue.lot().locationId() + ": "
                        + overdue.unaccounted().amount().toPlainString() + " "
                        + overdue.unaccounted().unit() + " not administered or wasted " + overdue.openDrawLimit()
                        + " after it was drawn");
        lateEntry(overdue, message, position);
    }

    @EventHandler
    void on(DrawAccountedForEvent accounted, EventMessage<?> message, @LedgerPosition long position) {
        clear(accounted.lot(), ExceptionKind.DRAW_OVERDUE, accounted.drawId(), accounted.occurredAt(), message);
        lateEntry(accounted, message, position);
    }

    @EventHandler
    void on(DoseDrawnEvent drawn, EventMessage<?> message, @LedgerPosition long position) {
        if (drawn.witnessedBy() == null) {
            raise(
                    drawn.lot(),
                    ExceptionKind.UNWITNESSED_DRAW,
                    drawn.drawId(),
                    drawn.occurredAt(),
                    null,
                    drawn.clientId(),
                    drawn.drawnBy(),
                    position,
                    "Draw " + drawn.drawId() + " of "
                            + drawn.quantity().amount().toPlainString() + " "
                            + drawn.quantity().unit() + " from lot "
                            + drawn.lot().lotNumber() + " by "
                            + drawn.drawnBy() + " had no witness");
        }
        lateEntry(drawn, message, position);
    }

    @EventHandler
    void on(DiscrepancyRecordedEvent discrepancy, EventMessage<?> message, @LedgerPosition long position) {
        raise(
                discrepancy.lot(),
                ExceptionKind.DISCREPANCY_OPEN,
                discrepancy.discrepancyId(),
                discrepancy.occurredAt(),
                null,
                null,
                null,
                position,
                "Count of lot " + discrepancy.lot().lotNumber() + " at "
                        + discrepancy.lot().locationId()
                        + " found " + discrepancy.counted().amount().toPlainString() + " "
                        + discrepancy.counted().unit() + " against "
                        + discrepancy.expected().amount().toPlainString() + " expected");
        lateEntry(discrepancy, message, position);
    }

    @EventHandler
    void on(DiscrepancyResolvedEvent resolved, EventMessage<?> message, @LedgerPosition long position) {
        clear(resolved.lot(), ExceptionKind.DISCREPANCY_OPEN, resolved.discrepancyId(), resolved.occurredAt(), message);
        lateEntry(resolved, message, position);
    }

    @EventHandler
    void on(StockLossReportedEvent loss, EventMessage<?> message, @LedgerPosition long position) {
        raise(
                loss.lot(),
                ExceptionKind.FORM_106_DUE,
                loss.lossId(),
                loss.occurredAt(),
                loss.form106DueOn(),
                null,
                loss.reportedBy(),
                position,
                "Loss " + loss.lossId() + " (" + loss.lossType() + ") of "
                        + loss.quantity().amount().toPlainString()
                        + " " + loss.quantity().unit() + " from lot "
                        + loss.lot().lotNumber()
                        + ": DEA notice due " + loss.noticeDueOn() + ", Form 106 due " + loss.form106DueOn());
        lateEntry(loss, message, position);
    }

    @EventHandler
    void on(ClientDischargedEvent discharged, EventMessage<?> message, @LedgerPosition long position) {
        if (discharged.remsFormDueOn() != null) {
            insert(
                    discharged.practiceId().value(),
                    ExceptionReviewIds.exceptionId(ExceptionKind.REMS_FORM_DUE, discharged.sessionId()),
                    ExceptionKind.REMS_FORM_DUE,
                    discharged.occurredAt(),
                    discharged.remsFormDueOn(),
                    discharged.clientId(),
                    null,
                    discharged.dischargedBy(),
                    position,
                    "Spravato REMS patient monitoring form of session " + discharged.sessionId() + " due "
                            + discharged.remsFormDueOn());
        }
        lateEntry(discharged, message, position);
    }

    @EventHandler
    void on(RemsFormSubmittedEvent submitted, EventMessage<?> message, @LedgerPosition long position) {
        update(
                submitted.practiceId().value(),
                ExceptionReviewIds.exceptionId(ExceptionKind.REMS_FORM_DUE, submitted.sessionId()),
                submitted.occurredAt(),
                message);
        lateEntry(submitted, message, position);
    }

    @EventHandler
    void on(StockCountedEvent counted, EventMessage<?> message, @LedgerPosition long position) {
        if ((counted.kind() == CountKind.INITIAL || counted.kind() == CountKind.BIENNIAL)) {
            inventoryFact(
                    position, counted.lot().practiceId().value(), counted.kind().name(), counted.occurredAt());
        }
        lateEntry(counted, message, position);
    }

    @EventHandler
    void on(StockReceivedEvent received, EventMessage<?> message, @LedgerPosition long position) {
        inventoryFact(position, received.lot().practiceId().value(), "STOCK", received.occurredAt());
        if (Boolean.TRUE.equals(received.expiredWhenReceived())) {
            raise(
                    received.lot(),
                    ExceptionKind.EXPIRED_ON_RECEIPT,
                    received.receiptId(),
                    received.occurredAt(),
                    null,
                    null,
                    received.receivedBy(),
                    position,
                    "Receipt " + received.receiptId() + " of lot "
                            + received.lot().lotNumber() + " ("
                            + received.lot().ndc() + ") at "
                            + received.lot().locationId()
                            + ": the lot expired on " + received.expiresOn()
                            + ", before it was received; it cannot be used, only returned or destroyed");
        }
        lateEntry(received, message, position);
    }

    @EventHandler
    void on(StockTransferredInEvent transferred, EventMessage<?> message, @LedgerPosition long position) {
        inventoryFact(position, transferred.lot().practiceId().value(), "STOCK", transferred.occurredAt());
        lateEntry(transferred, message, position);
    }

    @EventHandler
    void on(HistoryImportOpenedEvent opened, EventMessage<?> message, @LedgerPosition long position) {
        // one exception for the whole import: its entries are reviewed against the source document, not
        // one by one as late entries
        insert(
                opened.practiceId().value(),
                ExceptionReviewIds.exceptionId(ExceptionKind.HISTORY_IMPORTED, opened.importId()),
                ExceptionKind.HISTORY_IMPORTED,
                opened.occurredAt(),
                null,
                null,
                null,
                opened.attestedBy(),
                position,
                "History import " + opened.importId() + " of " + opened.sourceDocument() + " (SHA-256 "
                        + opened.sourceSha256() + "), covering " + opened.coversFrom() + " to "
                        + opened.coversTo() + ", attested by " + opened.attestedBy()
                        + ": review the imported entries against the source document");
        lateEntry(opened, message, position);
    }

    @EventHandler
    void on(ReadModelDivergedEvent diverged, EventMessage<?> message, @LedgerPosition long position) {
        // every practice reads from the same read models: the exception is in every practice's queue
        insert(
                EVERY_PRACTICE,
                ExceptionReviewIds.exceptionId(
                        ExceptionKind.READ_MODEL_DIVERGED, diverged.processor(), Long.toString(position)),
                ExceptionKind.READ_MODEL_DIVERGED,
                diverged.occurredAt(),
                null,
                null,
                null,
                null,
                position,
                "The " + diverged.processor() + " read model differs from the ledger (" + diverged.summary()
                        + "). What it shows may leave out or misplace events until it is replayed.");
        lateEntry(diverged, message, position);
    }

    @EventHandler
    void on(ReadModelRepairedEvent repaired, EventMessage<?> message, @LedgerPosition long position) {
        jdbc.update(
                """
                update compliance_exception set cleared_at = ?, cleared_by = ?
                where practice_id = ? and kind = ? and exception_id like ? and cleared_at is null
                """,
                Timestamp.from(repaired.occurredAt()),
                EventMessages.eventType(message),
                EVERY_PRACTICE,
                ExceptionKind.READ_MODEL_DIVERGED.name(),
                ExceptionReviewIds.exceptionId(ExceptionKind.READ_MODEL_DIVERGED, repaired.processor(), "%"));
        lateEntry(repaired, message, position);
    }

    @EventHandler
    void on(SealingHaltedEvent halted, EventMessage<?> message, @LedgerPosition long position) {
        insert(
                EVERY_PRACTICE,
                ExceptionReviewIds.exceptionId(ExceptionKind.SEALING_HALTED, Long.toString(position)),
                ExceptionKind.SEALING_HALTED,
                halted.occurredAt(),
                null,
                null,
                null,
                null,
                position,
                "Sealing of the ledger halted (" + halted.reason() + "). Events recorded since are not covered"
                        + " by a signed checkpoint until it resumes.");
        lateEntry(halted, message, position);
    }

    @EventHandler
    void on(SealingResumedEvent resumed, EventMessage<?> message, @LedgerPosition long position) {
        jdbc.update(
                """
                update compliance_exception set cleared_at = ?, cleared_by = ?
                where practice_id = ? and kind = ? and cleared_at is null
                """,
                Timestamp.from(resumed.occurredAt()),
                EventMessages.eventType(message),
                EVERY_PRACTICE,
                ExceptionKind.SEALING_HALTED.name());
        lateEntry(resumed, message, position);
    }

    @EventHandler
    void on(ExceptionAcknowledgedEvent acknowledged, EventMessage<?> message, @LedgerPosition long position) {
        jdbc.update(
                """
                insert into compliance_exception_review (practice_id, exception_id, acknowledged_at, acknowledged_by,
                                                         acknowledgement_note)
                values (?, ?, ?, ?, ?)
                on conflict (practice_id, exception_id) do update
                set acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by,
                    acknowledgement_note = excluded.acknowledgement_note
                """,
                acknowledged.practiceId().value(),
                acknowledged.exceptionId(),
                Timestamp.from(acknowledged.occurredAt()),
                acknowledged.reviewedBy(),
                acknowledged.note());
        lateEntry(acknowledged, message, position);
    }

    @EventHandler
    void on(ExceptionResolvedEvent resolved, EventMessage<?> message, @LedgerPosition long position) {
        jdbc.update(
                """
                insert into compliance_exception_review (practice_id, exception_id, resolved_at, resolved_by,
                                                         resolution_note)
                values (?, ?, ?, ?, ?)
                on conflict (practice_id, exception_id) do update
                set resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by,
                    resolution_note = excluded.resolution_note
                """,
                resolved.practiceId().value(),
                resolved.exceptionId(),
                Timestamp.from(resolved.occurredAt()),
                resolved.reviewedBy(),
                resolved.note());
        lateEntry(resolved, message, position);
    }

    /** Every other event of the ledger: a LATE_ENTRY exception when it was recorded late. */
    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, @LedgerPosition long position) {
        lateEntry(event, message, position);
    }

    @QueryHandler
    public ComplianceExceptionsPage handle(FindComplianceExceptionsQuery query) {
        StringBuilder where = new StringBuilder(" where status in (");
        List<Object> args = new ArrayList<>(everythingArgs(query.practiceId().value(), query.asOf()));
        where.append(String.join(
                        ", ", query.statuses().stream().map(status -> "?").toList()))
                .append(')');
        query.statuses().stream().map(Enum::name).sorted().forEach(args::add);
        if (!query.kinds().isEmpty()) {
            where.append(" and kind in (")
                    .append(String.join(
                            ", ", query.kinds().stream().map(kind -> "?").toList()))
                    .append(')');
            query.kinds().stream().map(Enum::name).sorted().forEach(args::add);
        }
        Long total =
                jdbc.queryForObject("select count(*) from (" + EVERYTHING + ") x" + where, Long.class, args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        List<ComplianceExceptionView> exceptions = jdbc.query(
                "select * from (" + EVERYTHING + ") x" + where + ORDER + " limit ? offset ?",
                ComplianceExceptionsProjection::toView,
                args.toArray());
        return new ComplianceExceptionsPage(
                query.practiceId().value(),
                query.asOf(),
                exceptions,
                query.offset(),
                query.limit(),
                total == null ? 0 : total);
    }

    @QueryHandler
    public ComplianceExceptionCounts handle(CountComplianceExceptionsQuery query) {
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(query.asOf()));
        args.addAll(everythingArgs(query.practiceId().value(), query.asOf()));
        return jdbc.queryForObject(
                "select count(*), count(*) filter (where status = 'OPEN'), count(*) filter (where due_on < ?)"
                        + " from (" + EVERYTHING + ") x where status in ('OPEN', 'ACKNOWLEDGED')",
                (rs, row) -> new ComplianceExceptionCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                args.toArray());
    }

    @QueryHandler
    public Optional<ComplianceExceptionView> handle(FindComplianceExceptionQuery query) {
        List<Object> args = new ArrayList<>(everythingArgs(query.practiceId().value(), query.asOf()));
        args.add(query.exceptionId());
        return jdbc
                .query(
                        "select * from (" + EVERYTHING + ") x where exception_id = ?",
                        ComplianceExceptionsProjection::toView,
                        args.toArray())
                .stream()
                .findFirst();
    }

    /** Reads an event's {@code lateEntry()} when its type has one; null otherwise. Looked up once per type. */
    private static final ClassValue<Function<Object, LateEntry>> LATE_ENTRY = new ClassValue<>() {
        @Override
        protected Function<Object, LateEntry> computeValue(Class<?> type) {
            try {
                Method accessor = type.getMethod("lateEntry");
                if (!LateEntry.class.equals(accessor.getReturnType())) {
                    return event -> null;
                }
                return event -> {
                    try {
                        return (LateEntry) accessor.invoke(event);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read lateEntry of " + type.getName(), e);
                    }
                };
            } catch (NoSuchMethodException e) {
                return event -> null;
            }
        }
    };

    @ResetHandler
    void reset() {
        jdbc.update("delete from compliance_exception");
        jdbc.update("delete from compliance_exception_review");
        jdbc.update("delete from compliance_inventory_fact");
    }

    /** Any event recorded with a late-entry reason and co-signer is a LATE_ENTRY exception of its own. */
    private void lateEntry(LedgerEvent event, EventMessage<?> message, long position) {
        if (LATE_ENTRY.get(event.getClass()).apply(event) == null) {
            // the common case, decided without serializing the event
            return;
        }
        JsonNode payload = json.valueToTree(event);
        JsonNode late = payload.path("lateEntry");
        if (!late.isObject() || late.path("importId").isTextual()) {
            return; // an imported entry is reviewed with its import (HISTORY_IMPORTED)
        }
        String practiceId = payload.path("practiceId").isTextual()
                ? payload.path("practiceId").asText()
                : payload.path("lot").path("practiceId").asText(null);
        if (practiceId == null) {
            return;
        }
        String type = EventMessages.eventType(message);
        insert(
                practiceId,
                ExceptionReviewIds.exceptionId(ExceptionKind.LATE_ENTRY, message.getIdentifier()),
                ExceptionKind.LATE_ENTRY,
                EventMessages.recordedAt(message),
                null,
                payload.path("clientId").asText(null),
                payload.path("lot").path("locationId").asText(null),
                late.path("cosignedBy").asText(null),
                position,
                type + " that occurred " + event.occurredAt() + " was recorded " + EventMessages.recordedAt(message)
                        + ": "
                        // a reason about a client is sealed with the client's personal data: read it on the
                        // client's timeline, never copied here where shredding would not reach it
                        + (late.path("sealedReason").isObject()
                                ? "reason sealed with the client's personal data"
                                : late.path("reason").asText())
                        + " (co-signed by "
                        + late.path("cosignedBy").asText()
                        + ")");
    }

    private void raise(
            StockLotRef lot,
            ExceptionKind kind,
            String ref,
            Instant raisedAt,
            LocalDate dueOn,
            String clientId,
            String practitionerId,
            long position,
            String summary) {
        insert(
                lot.practiceId().value(),
                lotExceptionId(lot, kind, ref),
                kind,
                raisedAt,
                dueOn,
                clientId,
                lot.locationId(),
                practitionerId,
                position,
                summary);
    }

    private void insert(
            String practiceId,
            String exceptionId,
            ExceptionKind kind,
            Instant raisedAt,
            LocalDate dueOn,
            String clientId,
            String locationId,
            String practitionerId,
            long position,
            String summary) {
        jdbc.update(
                """
                insert into compliance_exception (practice_id, exception_id, kind, raised_at, due_on, client_id,
                                                  location_id, practitioner_id, summary, ledger_position)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (practice_id, exception_id) do nothing
                """,
                practiceId,
                exceptionId,
                kind.name(),
                Timestamp.from(raisedAt),
                dueOn == null ? null : Date.valueOf(dueOn),
                clientId,
                locationId,
                practitionerId,
                summary,
                position);
    }

    private void clear(StockLotRef lot, ExceptionKind kind, String ref, Instant clearedAt, EventMessage<?> message) {
        update(lot.practiceId().value(), lotExceptionId(lot, kind, ref), clearedAt, message);
    }

    private void update(String practiceId, String exceptionId, Instant clearedAt, EventMessage<?> message) {
        jdbc.update(
                "update compliance_exception set cleared_at = ?, cleared_by = ? where practice_id = ? and exception_id = ?"
                        + " and cleared_at is null",
                Timestamp.from(clearedAt),
                EventMessages.eventType(message),
                practiceId,
                exceptionId);
    }

    /** Stock arriving, or an initial or biennial inventory: what the biennial deadline is computed from. */
    private void inventoryFact(long position, String practiceId, String fact, Instant occurredAt) {
        jdbc.update("""
                insert into compliance_inventory_fact (ledger_position, practice_id, fact, on_date)
                values (?, ?, ?, ?) on conflict do nothing
                """, position, practiceId, fact, Date.valueOf(date(occurredAt)));
    }

    /**
     * Every exception of one practice as of a date, with its review and status: the raised ones from the
     * table, and those that follow from the date alone, computed here: credentials of active
     * practitioners and consents that expire within 30 days or have expired (a renewal, a newer consent or
     * a revocation after the exception was raised clears it, and it stays in the queue as CLEARED), the biennial inventory due within 30 days (two years after the last initial or
     * biennial inventory; on the day stock first arrived when none was ever taken), and the periods of
     * the access log that nobody reviewed within the practice's accessLogReviewDays: from the first
     * access (or the end of everything reviewed before) to the start of the next review, and from the end
     * of the last review, cut off at today minus the policy's days. Its id is the start of the period, so
     * an acknowledgement stays with it until a review closes it.
     */
    private static final String EVERYTHING = """
            with access_first as (
                select min(accessed_at) as at from access_log where practice_id = ?
            ),
            access_reviews as (
                select reviewed_from, reviewed_to,
                       max(reviewed_to) over (order by reviewed_from, reviewed_to
                                              rows between unbounded preceding and 1 preceding) as covered
                from access_log_review where practice_id = ?
            ),
            access_gaps as (
                select greatest(r.covered, f.at) as gap_from, r.reviewed_from as gap_to
                from access_reviews r cross join access_first f
                where f.at is not null
                union all
                select greatest((select max(reviewed_to) from access_reviews), f.at), 'infinity'::timestamptz
                from access_first f
                where f.at is not null
            ),
            computed as (
                select h.practice_id,
                       'CREDENTIAL_EXPIRING:' || h.practitioner_id || ':' || h.credential || ':' || h.expires_on
                           as exception_id,
                       'CREDENTIAL_EXPIRING' as kind,
                       ((h.expires_on - 30)::timestamp at time zone 'UTC') as raised_at,
                       h.expires_on as due_on,
                       null::varchar as client_id, null::varchar as location_id, h.practitioner_id,
                       c.label || ' of ' || h.practitioner_id
                           || case when h.expires_on < d.as_of then ' expired ' else ' expires ' end || h.expires_on
                           || case when x.cleared_at is not null then '; renewed until ' || h.replaced_by else '' end
                           as summary,
                       x.cleared_at, x.cleared_by, null::bigint as ledger_position
                from credential_history h
                cross join (select ?::date as as_of) d
                join practitioner_registry p
                  on p.practice_id = h.practice_id and p.practitioner_id = h.practitioner_id
                join (values ('LICENCE', 'State licence', 'PractitionerLicenceRecorded'),
                             ('DEA_REGISTRATION', 'DEA registration', 'PractitionerDeaRegistrationRecorded'),
                             ('ACLS', 'ACLS certificate', 'PractitionerCertificateRecorded'))
                    as c(credential, label, renewal) on c.credential = h.credential
                cross join lateral (select case when h.replaced_at < d.as_of + 1 then h.replaced_at end as cleared_at,
                                           case when h.replaced_at < d.as_of + 1 then c.renewal end as cleared_by) x
                where h.practice_id = ? and h.expires_on <= ?::date
                  and ((h.replaced_at is null and p.active)
                       or h.replaced_at >= ((h.expires_on - 30)::timestamp at time zone 'UTC'))
                union all
                select k.practice_id,
                       'CONSENT_EXPIRING:' || k.client_id || ':' || k.consent_id,
                       'CONSENT_EXPIRING',
                       k.expires_at - interval '30 days',
                       (k.expires_at at time zone 'UTC')::date,
                       k.client_id, null, null,
                       'Consent ' || k.consent_id || ' (' || k.document_id || ') of client ' || k.client_id
                           || case when k.expires_at < d.as_of then ' expired ' else ' expires ' end
                           || to_char(k.expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                           || case when x.cleared_by = 'ConsentSuperseded' then '; superseded by a newer consent'
                                   when x.cleared_by = 'ConsentRevoked' then '; revoked' else '' end,
                       x.cleared_at, x.cleared_by, null
                from consent_registry k
                cross join (select ?::date as as_of) d
                cross join lateral (select least(k.superseded_at, k.revoked_effective_at) as ended) e
                cross join lateral (
                    select case when e.ended < d.as_of + 1 then e.ended end as cleared_at,
                           case when e.ended >= d.as_of + 1 or e.ended is null then null
                                when e.ended = k.superseded_at then 'ConsentSuperseded'
                                else 'ConsentRevoked' end as cleared_by) x
                where k.practice_id = ? and k.expires_at is not null
                  and (k.expires_at at time zone 'UTC')::date <= ?::date
                  and (e.ended is null or e.ended >= k.expires_at - interval '30 days')
                union all
                select practice_id,
                       'BIENNIAL_INVENTORY_DUE:' || due,
                       'BIENNIAL_INVENTORY_DUE',
                       ((due - 30)::timestamp at time zone 'UTC'),
                       due,
                       null, null, null,
                       case when last_inventory_on is null
                            then 'No initial inventory recorded; stock first arrived ' || first_stock_on
                            else 'Biennial inventory due ' || due || ' (last ' || lower(last_inventory_kind)
                                 || ' inventory ' || last_inventory_on || ')' end,
                       null, null, null
                from (select practice_id, first_stock_on, last_inventory_on, last_inventory_kind,
                             coalesce((last_inventory_on + interval '2 years')::date, first_stock_on) as due
                      from (select practice_id,
                                   min(on_date) filter (where fact = 'STOCK') as first_stock_on,
                                   max(on_date) filter (where fact <> 'STOCK') as last_inventory_on,
                                   (array_agg(fact order by on_date desc, ledger_position desc)
                                       filter (where fact <> 'STOCK'))[1] as last_inventory_kind
                            from compliance_inventory_fact where practice_id = ?
                            group by practice_id) f) d
                where due is not null and due <= ?::date
                union all
                select p.practice_id,
                       'ACCESS_LOG_REVIEW_OVERDUE:' || to_char(g.gap_from at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
                       'ACCESS_LOG_REVIEW_OVERDUE',
                       g.gap_from + make_interval(days => p.access_log_review_days),
                       (g.gap_from at time zone 'UTC')::date + p.access_log_review_days,
                       null, null, null,
                       'Access log from ' || to_char(g.gap_from at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                           || ' to ' || to_char(least(g.gap_to, c.cutoff) at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
                           || ' not reviewed within ' || p.access_log_review_days || ' days',
                       null, null, null
                from practice_registry p
                cross join lateral (select ((?::date - p.access_log_review_days)::timestamp at time zone 'UTC')
                                        as cutoff) c
                cross join access_gaps g
                where p.practice_id = ? and p.access_log_review_days > 0
                  and g.gap_from < least(g.gap_to, c.cutoff)
            ),
            everything as (
                select ?::varchar as practice_id, exception_id, kind, raised_at, due_on, client_id, location_id,
                       practitioner_id, summary, cleared_at, cleared_by, ledger_position
                from compliance_exception where practice_id in (?, '*')
                union all
                select * from computed
            )
            select e.*, r.acknowledged_at, r.acknowledged_by, r.acknowledgement_note, r.resolved_at, r.resolved_by,
                   r.resolution_note,
                   case when r.resolved_at is not null then 'RESOLVED'
                        when e.cleared_at is not null then 'CLEARED'
                        when r.acknowledged_at is not null then 'ACKNOWLEDGED'
                        else 'OPEN' end as status
            from everything e
            left join compliance_exception_review r on r.practice_id = e.practice_id and r.exception_id = e.exception_id
            """;

    private static final String ORDER =
            " order by coalesce(due_on, (raised_at at time zone 'UTC')::date), raised_at," + " exception_id";

    private static List<Object> everythingArgs(String practiceId, LocalDate asOf) {
        Date today = Date.valueOf(asOf);
        Date horizon = Date.valueOf(asOf.plusDays(30));
        return List.of(
                practiceId,
                practiceId,
                today,
                practiceId,
                horizon,
                today,
                practiceId,
                horizon,
                practiceId,
                horizon,
                today,
                practiceId,
                practiceId,
                practiceId);
    }

    private static ComplianceExceptionView toView(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("due_on");
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new ComplianceExceptionView(
                rs.getString("exception_id"),
                ExceptionKind.valueOf(rs.getString("kind")),
                ExceptionStatus.valueOf(rs.getString("status")),
                rs.getString("summary"),
                rs.getTimestamp("raised_at").toInstant(),
                due == null ? null : due.toLocalDate(),
                rs.getString("client_id"),
                rs.getString("location_id"),
                rs.getString("practitioner_id"),
                rs.getObject("ledger_position", Long.class),
                cleared == null ? null : cleared.toInstant(),
                rs.getString("cleared_by"),
                review(rs, "acknowledged_at", "acknowledged_by", "acknowledgement_note"),
                review(rs, "resolved_at", "resolved_by", "resolution_note"));
    }

    private static ReviewView review(ResultSet rs, String at, String by, String note) throws SQLException {
        Timestamp time = rs.getTimestamp(at);
        return time == null ? null : new ReviewView(rs.getString(by), time.toInstant(), rs.getString(note));
    }

    static String lotExceptionId(StockLotRef lot, ExceptionKind kind, String ref) {
        return ExceptionReviewIds.exceptionId(kind, lot.locationId(), lot.ndc(), lot.lotNumber(), ref);
    }

    private static LocalDate date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
