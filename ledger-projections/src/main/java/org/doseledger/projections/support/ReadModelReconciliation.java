package org.doseledger.projections.support;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares each streaming read model with the event log, so that what people read is shown to be what
 * the ledger holds rather than assumed from lag and counters.
 *
 * <p>Two comparisons, both up to the processor's settled position (up to which every segment has handled
 * everything the log holds), both per block of {@value #BLOCK_SIZE} positions and in detail
 * only for blocks that differ:
 *
 * <ul>
 *   <li><b>Applied:</b> every event of a type the processor handles is marked applied exactly once in
 *       {@code read_model_coverage} (written in the same transaction as the read model's rows). Finds
 *       events skipped, applied twice, or dead-lettered.
 *   <li><b>Rows:</b> each {@link ReconciledTable} holds a row for every event it must, at the event's own
 *       position, naming that event, and no other row. Finds rows lost, misplaced or edited in the table.
 * </ul>
 *
 * Everything is read in one repeatable-read snapshot, so tokens, coverage, rows and log agree with each
 * other even while the processors run.
 */
public class ReadModelReconciliation {

    /** Coverage is recorded per block of this many ledger positions (the service's coverage recorder). */
    public static final int BLOCK_SIZE = 1024;

    public static final int BLOCK_SHIFT = 10;

    static final int DETAIL_LIMIT = 20;

    private final StreamingProcessors processors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final List<ReconciledTable> tables;
    private final Clock clock;
    private final Map<String, Result> last = new ConcurrentHashMap<>();

    public ReadModelReconciliation(
            StreamingProcessors processors,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            List<ReconciledTable> tables,
            Clock clock) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.tables = List.copyOf(tables);
        this.clock = clock;
    }

    /** What one reconciliation of one read model found. */
    public record Result(
            String processor,
            Status status,
            long reconciledUpTo,
            long eventsExpected,
            long eventsApplied,
            List<Finding> findings,
            Instant reconciledAt) {

        /** How many events or rows were found wrong, in all findings. */
        public long divergences() {
            return findings.stream().mapToLong(Finding::count).sum();
        }

        public String summary() {
            if (findings.isEmpty()) {
                return processor + ": consistent with the event log up to position " + reconciledUpTo;
            }
            StringBuilder text = new StringBuilder(
                    processor + " diverges from the event log up to position " + reconciledUpTo + ":");
            for (Finding finding : findings) {
                text.append(' ')
                        .append(finding.count())
                        .append(' ')
                        .append(finding.kind())
                        .append(" in ")
                        .append(finding.source())
                        .append(finding.positions().isEmpty() ? "" : " (first at " + finding.positions() + ")")
                        .append(';');
            }
            return text.substring(0, text.length() - 1);
        }
    }

    public enum Status {
        /** Every event up to {@code reconciledUpTo} is applied once and every row matches the log. */
        CONSISTENT,
        /** Something differs; the findings say what and where. A replay of the processor repairs it. */
        DIVERGED,
        /** The processor has not stored a position yet: nothing to compare. */
        NOT_STARTED
    }

    /**
     * A kind of difference in one place.
     *
     * @param source {@code applied} (the processor's record of applied events) or a table name
     * @param kind MISSING (an event not applied, or without its row), DUPLICATED (applied more than once),
     *     WRONG_EVENT (the row at an event's position names another event), EXTRA (applied or a row where the
     *     log has no such event)
     * @param positions the first ledger positions concerned (at most {@value #DETAIL_LIMIT}; none for
     *     DUPLICATED, whose positions the block record cannot tell)
     */
    public record Finding(String source, String kind, long count, List<Long> positions) {}

    /** The last result for each processor reconciled on this node since it started. */
    public Optional<Result> last(String processor) {
        return Optional.ofNullable(last.get(processor));
    }

    /** Reconciles every streaming read model. */
    public List<Result> reconcileAll() {
        return processors.names().stream().map(this::reconcile).toList();
    }

    public Result reconcile(String processor) {
        StreamingEventProcessor streaming = processors.processor(processor);
        Result result = snapshot.execute(status -> compare(processor, streaming));
        last.put(processor, result);
        return result;
    }

    private Result compare(String processor, StreamingEventProcessor streaming) {
        Optional<List<StreamingProcessors.SegmentProgress>> progress = processors.storedProgress(processor);
        if (progress.isEmpty()) {
            return new Result(processor, Status.NOT_STARTED, 0, 0, 0, List.of(), clock.instant());
        }
        long upTo = settled(progress.get());
        Set<String> handled = handledTypes(streaming);
        List<Finding> findings = new ArrayList<>();
        long[] totals = applied(processor, handled, upTo, findings);
        for (ReconciledTable table : tables) {
            if (table.processor().equals(processor)) {
                rows(table, mustHold(table, handled), upTo, findings);
            }
        }
        return new Result(
                processor,
                findings.isEmpty() ? Status.CONSISTENT : Status.DIVERGED,
                upTo,
                totals[0],
                totals[1],
                List.copyOf(findings),
                clock.instant());
    }

    /**
     * The position up to which every segment has handled everything the log holds: the least advanced
     * segment's position, or just below the first gap of any segment whose event the log now holds (a
     * transaction that committed after the segment passed its position, not yet handled). A gap the log
     * does not hold is a transaction rolled back or still open: it contributes nothing to either side of
     * the comparison, so it does not hold the reconciliation back.
     */
    private long settled(List<StreamingProcessors.SegmentProgress> segments) {
        long settled = segments.stream()
                .mapToLong(StreamingProcessors.SegmentProgress::index)
                .min()
                .orElse(0);
        Long[] gaps = segments.stream()
                .flatMap(segment -> segment.gaps().stream())
                .filter(gap -> gap <= settled)
                .distinct()
                .toArray(Long[]::new);
        if (gaps.length > 0) {
            Long committed = jdbc.queryForObject(
                    "select min(global_index) from domain_event_entry where global_index = any (?)",
                    Long.class,
                    (Object) gaps);
            if (committed != null) {
                return committed - 1;
            }
        }
        return settled;
    }

    /** The payload types in the log that the processor handles. */
    private Set<String> handledTypes(StreamingEventProcessor processor) {
        Set<String> types = new TreeSet<>();
        for (String type :
                jdbc.queryForList("select payload_type from domain_event_entry group by payload_type", String.class)) {
            Class<?> payloadType = load(type);
            if (payloadType != null
                    && processor instanceof AbstractEventProcessor events
                    && events.eventHandlerInvoker().canHandleType(payloadType)) {
                types.add(type);
            }
        }
        return types;
    }

    private static Set<String> mustHold(ReconciledTable table, Set<String> handled) {
        if (table.mustHold() == null) {
            return handled;
        }
        Predicate<Class<?>> mustHold = table.mustHold();
        Set<String> types = new TreeSet<>();
        for (String type : handled) {
            Class<?> payloadType = load(type);
            if (payloadType != null && mustHold.test(payloadType)) {
                types.add(type);
            }
        }
        return types;
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type, false, ReadModelReconciliation.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Compares the applied record with the log; returns events expected and applications recorded. */
    private long[] applied(String processor, Set<String> handled, long upTo, List<Finding> findings) {
        String[] types = handled.toArray(String[]::new);
        Map<Long, long[]> expected = new TreeMap<>();
        jdbc.query(
                """
                select global_index >> 10, count(*), sum(((global_index % 1000003) * 48271) % 1000003)
                from domain_event_entry
                where global_index <= ? and payload_type = any (?) group by 1
                """,
                rs -> {
                    expected.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                upTo,
                types);
        Map<Long, BitSet> applied = new TreeMap<>();
        Map<Long, Long> applications = new TreeMap<>();
        jdbc.query(
                "select block, applied::text, events from read_model_coverage where processor = ? and block <= ?",
                rs -> {
                    applied.put(rs.getLong(1), bits(rs.getString(2)));
                    applications.put(rs.getLong(1), rs.getLong(3));
                },
                processor,
                upTo >> BLOCK_SHIFT);
        Detail missing = new Detail();
        Detail extra = new Detail();
        long duplicated = 0;
        long total = 0;
        Set<Long> blocks = new TreeSet<>(expected.keySet());
        blocks.addAll(applied.keySet());
        for (long block : blocks) {
            BitSet bits = applied.getOrDefault(block, new BitSet());
            duplicated += Math.max(0, applications.getOrDefault(block, 0L) - bits.cardinality());
            BitSet settledBits = settled(bits, block, upTo);
            total += settledBits.cardinality();
            long start = block << BLOCK_SHIFT;
            long[] logDigest = expected.getOrDefault(block, new long[2]);
            if (settledBits.cardinality() == logDigest[0] && mixed(settledBits, start) == logDigest[1]) {
                continue;
            }
            BitSet logged = new BitSet();
            jdbc.query(
                    """
                    select global_index from domain_event_entry
                    where global_index >= ? and global_index < ? and global_index <= ? and payload_type = any (?)
                    """,
                    rs -> {
                        logged.set((int) (rs.getLong(1) - start));
                    },
                    start,
                    start + BLOCK_SIZE,
                    upTo,
                    types);
            BitSet notApplied = (BitSet) logged.clone();
            notApplied.andNot(settledBits);
            notApplied.stream().forEach(offset -> missing.add(start + offset));
            BitSet notLogged = (BitSet) settledBits.clone();
            notLogged.andNot(logged);
            notLogged.stream().forEach(offset -> extra.add(start + offset));
        }
        missing.into(findings, "applied", "MISSING");
        if (duplicated > 0) {
            findings.add(new Finding("applied", "DUPLICATED", duplicated, List.of()));
        }
        extra.into(findings, "applied", "EXTRA");
        long expectedTotal =
                expected.values().stream().mapToLong(digest -> digest[0]).sum();
        return new long[] {expectedTotal, total};
    }

    /** Compares a table's rows with the events it must hold, per block by count and a digest of ids. */
    private void rows(ReconciledTable table, Set<String> types, long upTo, List<Finding> findings) {
        String filter = table.rowFilter() == null ? "" : " and (" + table.rowFilter() + ")";
        Map<Long, long[]> logged = new TreeMap<>();
        jdbc.query(
                """
                select global_index >> 10, count(*), coalesce(sum(hashtext(event_identifier)), 0)
                from domain_event_entry where global_index <= ? and payload_type = any (?) group by 1
                """,
                rs -> {
                    logged.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                upTo,
                types.toArray(String[]::new));
        Map<Long, long[]> held = new TreeMap<>();
        jdbc.query(
                "select ledger_position >> 10, count(*), coalesce(sum(hashtext(event_id)), 0) from " + table.table()
                        + " where ledger_position <= ?" + filter + " group by 1",
                rs -> {
                    held.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                upTo);
        Detail missing = new Detail();
        Detail wrong = new Detail();
        Detail extra = new Detail();
        Set<Long> blocks = new TreeSet<>(logged.keySet());
        blocks.addAll(held.keySet());
        for (long block : blocks) {
            long[] log = logged.getOrDefault(block, new long[2]);
            long[] rows = held.getOrDefault(block, new long[2]);
            if (log[0] == rows[0] && log[1] == rows[1]) {
                continue;
            }
            long start = block << BLOCK_SHIFT;
            long end = Math.min(start + BLOCK_SIZE - 1, upTo);
            Map<Long, String> events = new TreeMap<>();
            jdbc.query(
                    """
                    select global_index, event_identifier from domain_event_entry
                    where global_index between ? and ? and payload_type = any (?)
                    """,
                    rs -> {
                        events.put(rs.getLong(1), rs.getString(2));
                    },
                    start,
                    end,
                    types.toArray(String[]::new));
            Map<Long, String> tableRows = new TreeMap<>();
            jdbc.query(
                    "select ledger_position, event_id from " + table.table() + " where ledger_position between ? and ?"
                            + filter,
                    rs -> {
                        tableRows.put(rs.getLong(1), rs.getString(2));
                    },
                    start,
                    end);
            events.forEach((position, eventId) -> {
                String row = tableRows.get(position);
                if (row == null) {
                    missing.add(position);
                } else if (!row.equals(eventId)) {
                    wrong.add(position);
                }
            });
            tableRows.keySet().stream()
                    .filter(position -> !events.containsKey(position))
                    .forEach(extra::add);
        }
        missing.into(findings, table.table(), "MISSING");
        wrong.into(findings, table.table(), "WRONG_EVENT");
        extra.into(findings, table.table(), "EXTRA");
    }

    /**
     * The sum over the positions of a mixing function that the SQL above computes the same way: with the
     * count, it tells two sets of positions apart without reading them.
     */
    private static long mixed(BitSet offsets, long start) {
        return offsets.stream()
                .mapToLong(offset -> ((start + offset) * 2654435761L) % 1000003)
                .sum();
    }

    private static BitSet bits(String text) {
        BitSet bits = new BitSet(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '1') {
                bits.set(i);
            }
        }
        return bits;
    }

    /** The bits of a block at or below the settled position. */
    private static BitSet settled(BitSet bits, long block, long upTo) {
        long start = block << BLOCK_SHIFT;
        if (start + BLOCK_SIZE - 1 <= upTo) {
            return bits;
        }
        BitSet cut = (BitSet) bits.clone();
        cut.clear((int) (upTo - start + 1), BLOCK_SIZE);
        return cut;
    }

    /** A count of positions with the first few of them. */
    private static final class Detail {
        long count;
        final List<Long> first = new ArrayList<>();

        public void add(long position) {
            count++;
            if (first.size() < DETAIL_LIMIT) {
                first.add(position);
            }
        }

        public void into(List<Finding> findings, String source, String kind) {
            if (count > 0) {
                findings.add(new Finding(source, kind, count, List.copyOf(first)));
            }
        }
    }
}
