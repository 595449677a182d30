package org.doseledger.projections.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells whether a streaming processor has handled the event at a given ledger position (global
 * index). Every segment must have passed it. Segments this node processes are judged by their live
 * status (an idle segment stores its token only every few seconds); segments claimed by other replicas
 * by their token in the shared token store.
 */
public class ProjectionPositions {

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
        return tokens.stream().allMatch(token -> {
            EventTrackerStatus status = live.get(token.segment());
            return status != null && status.getTrackingToken() != null
                    ? covers(status.getTrackingToken(), position)
                    : token.covers(position, tokenMapper);
        });
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

        boolean covers(long position, ObjectMapper mapper) {
            if (type == null || json == null) {
                return false;
            }
            try {
                JsonNode node = mapper.readTree(json);
                if (REPLAY.equals(type)) {
                    node = node.path("currentToken");
                } else if (!GAP_AWARE.equals(type)) {
                    return false;
                }
                if (!node.has("index") || node.path("index").asLong() < position) {
                    return false;
                }
                for (JsonNode gap : node.path("gaps")) {
                    if (gap.asLong() == position) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
