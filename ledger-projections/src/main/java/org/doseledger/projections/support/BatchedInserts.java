package org.doseledger.projections.support;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts of an insert-only read model, sent to PostgreSQL as one JDBC batch per statement when the
 * batch of events commits instead of one round trip per event: the audit trail and the client timeline
 * add a row for almost every event, and during a replay those round trips were most of their time.
 *
 * <p>Inserts are held back only where the processor has said that it can afford it, by putting
 * {@link #ALLOWED} into the batch's unit of work: a segment's batch running without savepoints, which
 * is rolled back and retried with a savepoint per event (and no held-back inserts) if anything fails,
 * the flush included. Everywhere else (a retry of dead letters, a test calling a handler) an insert is
 * executed at once. Held-back inserts of one statement keep their order, so an insert that selects from
 * rows it inserted earlier in the same batch still finds them; an insert must not select from the rows of
 * another held-back statement, and a read model must not hold back rows that its handlers read back while
 * handling (the dosing read model holds back its sessions but writes its draws at once).
 */
public final class BatchedInserts {

    /** Unit-of-work resource set by the processor when a batch may hold inserts back until it commits. */
    public static final String ALLOWED = BatchedInserts.class.getName() + ".allowed";

    private static final String PENDING = BatchedInserts.class.getName() + ".pending";

    private BatchedInserts() {}

    /** Inserts now, or with the batch's other held-back inserts just before the batch commits. */
    public static void insert(JdbcTemplate jdbc, String sql, Object... args) {
        UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (batch == null || !Boolean.TRUE.equals(batch.resources().get(ALLOWED))) {
            jdbc.update(sql, args);
            return;
        }
        Map<JdbcTemplate, List<Insert>> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<JdbcTemplate, List<Insert>> byTemplate = new IdentityHashMap<>();
            batch.onPrepareCommit(u -> byTemplate.forEach(BatchedInserts::flush));
            return byTemplate;
        });
        pending.computeIfAbsent(jdbc, template -> new ArrayList<>()).add(new Insert(sql, args));
    }

    /**
     * Runs the inserts as one JDBC batch per statement, the statements in the order in which each was first
     * held back and each statement's rows in the order they were held back. A read model's statements
     * interleave event by event (the audit trail's rows and its practitioner rows, the dosing read model's
     * session upserts per event type); grouping keeps each statement's batch whole.
     */
    private static void flush(JdbcTemplate jdbc, List<Insert> inserts) {
        Map<String, List<Object[]>> byStatement = new LinkedHashMap<>();
        for (Insert insert : inserts) {
            byStatement.computeIfAbsent(insert.sql(), sql -> new ArrayList<>()).add(insert.args());
        }
        byStatement.forEach((sql, rows) -> {
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                jdbc.batchUpdate(sql, rows);
            }
        });
        inserts.clear();
    }

    private record Insert(String sql, Object[] args) {}
}
