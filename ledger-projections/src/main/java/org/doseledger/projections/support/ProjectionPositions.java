package org.doseledger.projections.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells whether a streaming processor has handled the event at a given ledger position (global
 * index), by reading every segment's token in the shared token store. Works across replicas because
 * it reads the database, not in-memory processor state.
 */
public class ProjectionPositions {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    private final JdbcTemplate jdbc;
    private final ObjectMapper tokenMapper;

    public ProjectionPositions(JdbcTemplate jdbc, ObjectMapper tokenMapper) {
        this.jdbc = jdbc;
        this.tokenMapper = tokenMapper;
    }

    public boolean hasReached(String processorName, long position) {
        List<SegmentToken> tokens = jdbc.query(
                "select token_type, token from token_entry where processor_name = ?",
                (rs, row) -> new SegmentToken(rs.getString(1), rs.getBytes(2)),
                processorName);
        if (tokens.isEmpty()) {
            return false;
        }
        return tokens.stream().allMatch(token -> token.covers(position, tokenMapper));
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

    private record SegmentToken(String type, byte[] json) {

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
