package org.doseledger.projections.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells whether a streaming processor has handled the event at a given ledger position (global
 * index). Every segment must have passed it. Segments this node processes are judged by their live
 * status (an idle segment stores its token only every few seconds); segments claimed by other replicas
 * by their token in the shared token store.
 */
public class ProjectionPositions {

    /** Events between a stored token and a position read to tell whether the segment is only idle. */
    static final int IDLE_SPAN = 10_000;

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    private final JdbcTemplate jdbc;
    private final ObjectMapper tokenMapper;
    private final Function<String, Map<Integer, EventTrackerStatus>> localStatus;

    /**
     * @param localStatus the live status of this node's segments of a processor, by segment id
     */
    public ProjectionPositions(
            JdbcTemplate jdbc,
            ObjectMapper tokenMapper,
            Function<String, Map<Integer, EventTrackerStatus>> localStatus) {
        this.jdbc = jdbc;
        this.tokenMapper = tokenMapper;
        this.localStatus = localStatus;
    }

    public boolean hasReached(String processorName, long position) {
        List<SegmentToken> tokens = jdbc.query(
                "select segment, token_type, token from token_entry where processor_name = ?",
                (rs, row) -> new SegmentToken(rs.getInt(1), rs.getString(2), rs.getBytes(3)),
                processorName);
        if (tokens.isEmpty()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> live = localStatus.apply(processorName);
        List<StoredPosition> stale = new ArrayList<>();
        for (SegmentToken token : tokens) {
            EventTrackerStatus status = live.get(token.segment());
            if (status != null && status.getTrackingToken() != null) {
                if (!covers(status.getTrackingToken(), position)) {
                    return false;
                }
                continue;
            }
            StoredPosition stored = token.read(tokenMapper);
            if (stored == null) {
                return false;
            }
            if (!stored.covers(position)) {
                stale.add(stored);
            }
        }
        return stale.isEmpty() || nothingToHandle(stale, tokens, position);
    }

    /**
     * Whether the segments held elsewhere whose stored tokens stand below the position have nothing to handle up
     * to it. Another node stores an idle segment's token only every few seconds, so its token lags although
     * the segment is done: it has reached the position when no event between its token and the position
     * (nor at one of its gaps) belongs to it, by the sequencing policy every read model uses (an event's
     * aggregate; {@link Segment#matches(Object)}). Only for a short span: a segment far behind is behind.
     */
    private boolean nothingToHandle(List<StoredPosition> stale, List<SegmentToken> tokens, long position) {
        long after = stale.stream().mapToLong(StoredPosition::lowestOpen).min().orElse(position) - 1;
        if (position - after > IDLE_SPAN) {
            return false;
        }
        int[] segmentIds = tokens.stream().mapToInt(SegmentToken::segment).toArray();
        List<Map.Entry<Long, String>> events = jdbc.query(
                "select global_index, aggregate_identifier from domain_event_entry"
                        + " where global_index > ? and global_index <= ?",
                (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)),
                after,
                position);
        for (StoredPosition segment : stale) {
            Segment mask = Segment.computeSegment(segment.segment(), segmentIds);
            for (Map.Entry<Long, String> event : events) {
                if (!segment.covers(event.getKey()) && mask.matches(event.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    /** Polls until the processor has reached the position or the timeout passes; true when reached. */
    public boolean awaitPosition(String processorName, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 5;
        while (true) {
            if (hasReached(processorName, position)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    private record SegmentToken(int segment, String type, byte[] json) {

        /** The stored token's index and gaps, or null when it has none this can read. */
        StoredPosition read(ObjectMapper mapper) {
            if (type == null || json == null) {
                return null;
            }
            try {
                JsonNode node = mapper.readTree(json);
                if (REPLAY.equals(type)) {
                    node = node.path("currentToken");
                } else if (!GAP_AWARE.equals(type)) {
                    return null;
                }
                if (!node.has("index")) {
                    return null;
                }
                SortedSet<Long> gaps = new TreeSet<>();
                for (JsonNode gap : node.path("gaps")) {
                    gaps.add(gap.asLong());
                }
                return new StoredPosition(segment, node.path("index").asLong(), gaps);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A segment's stored token: handled every position up to its index except its gaps. */
    private record StoredPosition(int segment, long index, SortedSet<Long> gaps) {

        boolean covers(long position) {
            return index >= position && !gaps.contains(position);
        }

        /** The lowest position this segment has not handled. */
        long lowestOpen() {
            return gaps.isEmpty() ? index + 1 : Math.min(gaps.first(), index + 1);
        }
    }
}
