package org.doseledger.projections.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Spreads the streaming read models' segments over the service's live nodes. Axon's pooled processors let
 * the first node claim every segment, and the others stay idle until it stops; a cap per node would
 * instead leave a lone survivor unable to take every segment. So each node says it is alive in
 * {@code processor_node} every {@code ledger.projections.balance-interval}, and a node that holds more of
 * a processor's segments than its share of the nodes alive now (those heard from within
 * {@code ledger.projections.node-timeout}) releases the surplus for {@code ledger.projections.release-for},
 * for the others to claim. Nothing caps what a node claims (Axon's coordinator claims any unclaimed
 * segment), so when a node dies its segments are taken over as before, and once its heartbeat is older
 * than the node timeout the shares of the survivors grow and they keep what they took.
 *
 * <p>Shares: with {@code n} live nodes sorted by id, processor number {@code p} (of the sorted names) and
 * {@code s} segments, the node of rank {@code r} gets {@code s / n} segments, one more when
 * {@code (r - p) mod n < s mod n}: the processors' odd segments fall on different nodes, so 6 read models
 * of 4 segments on 3 nodes are 8, 8 and 8.
 *
 * <p>Releasing goes through Axon's coordinator: the work package finishes and commits its batch before the
 * claim is given up, so an event is handled by one node or the other, once.
 */
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** Heartbeats older than this are deleted: a node gone for good leaves no row behind. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final StreamingProcessors processors;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration nodeTimeout;
    private final Duration releaseFor;
    private final boolean enabled;

    public SegmentBalancer(
            StreamingProcessors processors,
            JdbcTemplate jdbc,
            String nodeId,
            Duration nodeTimeout,
            Duration releaseFor,
            boolean enabled) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.nodeTimeout = nodeTimeout;
        this.releaseFor = releaseFor;
        this.enabled = enabled;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${ledger.projections.balance-interval:2s}")
    public void balance() {
        if (!enabled) {
            return;
        }
        try {
            List<String> live = heartbeat();
            int rank = live.indexOf(nodeId);
            if (rank < 0 || live.size() < 2) {
                return;
            }
            // every processor's segment count in one query a round
            Map<String, Integer> segments = new HashMap<>();
            jdbc.query(
                    "select processor_name, count(*) from token_entry group by processor_name",
                    (java.sql.ResultSet rows) -> {
                        segments.put(rows.getString(1), rows.getInt(2));
                    });
            List<String> names = processors.names();
            for (int p = 0; p < names.size(); p++) {
                release(names.get(p), segments.getOrDefault(names.get(p), 0), p, rank, live.size());
            }
        } catch (RuntimeException e) {
            // the database is away or the processors are stopping: the next round tries again, and nothing is
            // released meanwhile, which is always safe
            log.debug("Segments not balanced this round: {}", e.toString());
        }
    }

    /** Records this node as alive and returns the ids of the nodes alive now, sorted. */
    private List<String> heartbeat() {
        jdbc.update("""
                insert into processor_node (node_id, heartbeat_at) values (?, now())
                on conflict (node_id) do update set heartbeat_at = excluded.heartbeat_at
                """, nodeId);
        jdbc.update(
                "delete from processor_node where heartbeat_at < now() - make_interval(secs => ?)",
                FORGET_AFTER.toSeconds());
        return jdbc.queryForList(
                "select node_id from processor_node where heartbeat_at >= now() - make_interval(secs => ?)"
                        + " order by node_id",
                String.class,
                nodeTimeout.toMillis() / 1000.0);
    }

    private void release(String name, int segments, int processorNumber, int rank, int nodes) {
        StreamingEventProcessor processor = processors.processor(name);
        if (!processor.isRunning()) {
            return;
        }
        int share = share(segments, nodes, rank, processorNumber);
        List<Integer> held = processors.segmentsHeldHere(name);
        for (int i = share; i < held.size(); i++) {
            int segment = held.get(i);
            log.info(
                    "Releasing segment {} of {}: this node holds {} of its segments, its share of {} live nodes is {}",
                    segment,
                    name,
                    held.size(),
                    nodes,
                    share);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The number of a processor's segments the node of the given rank among the live nodes should hold. */
    public static int share(int segments, int nodes, int rank, int processorNumber) {
        int turn = Math.floorMod(rank - processorNumber, nodes);
        return segments / nodes + (turn < segments % nodes ? 1 : 0);
    }

    /** Says this node is gone, so that the others' shares grow at once instead of after the node timeout. */
    public void leave() {
        try {
            jdbc.update("delete from processor_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not remove this node's heartbeat: {}", e.toString());
        }
    }
}
