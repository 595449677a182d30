package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.doseledger.api.support.TestPostgres;
import org.doseledger.projections.support.ProjectionPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A read with {@code atLeastPosition} on one node while another node holds some of the read model's
 * segments: that node stores an idle segment's token only every few seconds, so a stored token below the
 * position does not mean the segment has work left. It has reached the position when no event up to it
 * belongs to the segment.
 */
class ProjectionPositionsAcrossNodesTest {

    private static final String PROCESSOR = "audit-trail";
    private static final int[] SEGMENTS = {0, 1};

    private JdbcTemplate jdbc;
    private ProjectionPositions positions;

    @BeforeEach
    void tables() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table token_entry (processor_name varchar(255), segment integer, token bytea,"
                + " token_type varchar(255), primary key (processor_name, segment))");
        jdbc.execute("create table domain_event_entry (global_index bigint primary key, aggregate_identifier"
                + " varchar(255))");
        // segment 1 is processed on this node and has seen everything up to 100
        positions = new ProjectionPositions(jdbc, new ObjectMapper(), processor -> Map.of(1, live(100)));
        storeToken(1, 3, List.of());
    }

    @Test
    void aSegmentElsewhereWhoseStoredTokenLagsHasReachedAPositionWhenNoEventUpToItIsItsOwn() {
        storeToken(0, 5, List.of());
        for (long position = 1; position <= 8; position++) {
            event(position, position <= 5 ? aggregateOf(0) : aggregateOf(1));
        }

        assertThat(positions.hasReached(PROCESSOR, 8)).isTrue();
    }

    @Test
    void itHasNotWhenAnEventAfterItsTokenIsItsOwn() {
        storeToken(0, 5, List.of());
        event(6, aggregateOf(1));
        event(7, aggregateOf(0));
        event(8, aggregateOf(1));

        assertThat(positions.hasReached(PROCESSOR, 6)).isTrue();
        assertThat(positions.hasReached(PROCESSOR, 8)).isFalse();
    }

    @Test
    void norWhenAnEventAtOneOfItsGapsIsItsOwn() {
        // position 4 committed after segment 0 had passed it
        storeToken(0, 5, List.of(4L));
        event(4, aggregateOf(0));
        event(6, aggregateOf(1));

        assertThat(positions.hasReached(PROCESSOR, 6)).isFalse();
    }

    @Test
    void aSegmentFarBehindIsBehindWithoutReadingTheEventsBetween() {
        storeToken(0, 5, List.of());
        event(20_000, aggregateOf(1));

        assertThat(positions.hasReached(PROCESSOR, 20_000)).isFalse();
    }

    @Test
    void aSegmentProcessedHereIsJudgedByItsLiveTokenAlone() {
        storeToken(0, 50, List.of());
        event(101, aggregateOf(0));

        assertThat(positions.hasReached(PROCESSOR, 50)).isTrue();
        assertThat(positions.hasReached(PROCESSOR, 101))
                .as("segment 1 has seen up to 100 only")
                .isFalse();
    }

    private void storeToken(int segment, long index, List<Long> gaps) {
        String json = "{\"index\":" + index + ",\"gaps\":" + gaps + "}";
        jdbc.update(
                "insert into token_entry (processor_name, segment, token, token_type) values (?, ?, ?, ?)"
                        + " on conflict (processor_name, segment) do update set token = excluded.token",
                PROCESSOR,
                segment,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                GapAwareTrackingToken.class.getName());
    }

    private void event(long position, String aggregate) {
        jdbc.update("insert into domain_event_entry values (?, ?)", position, aggregate);
    }

    /** An aggregate id whose events fall in the given segment of two. */
    private static String aggregateOf(int segment) {
        Segment target = Segment.computeSegment(segment, SEGMENTS);
        for (int i = 0; ; i++) {
            String id = "lot-" + i;
            if (target.matches(id)) {
                return id;
            }
        }
    }

    private static EventTrackerStatus live(long index) {
        return new TrackerStatus(
                Segment.computeSegment(1, SEGMENTS), GapAwareTrackingToken.newInstance(index, List.of()));
    }
}
