package org.doseledger.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.core.shared.LedgerMetadata;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Drives one projection's event handlers directly, without Spring or a processor: a fresh migrated
 * database, and events delivered as a streaming processor would (tracked, with a ledger position and
 * the ledger's metadata). Delivering an event twice is how a test shows a handler is idempotent.
 */
public final class ProjectionHarness {

    public static final ObjectMapper JSON = JacksonConfiguration.ledgerMapper();

    private static final Instant RECORDED = Instant.parse("2026-11-27T09:00:00Z");

    public final JdbcTemplate jdbc;
    private final AnnotationEventHandlerAdapter handlers;
    private final Map<Long, String> eventIds = new HashMap<>();

    private ProjectionHarness(JdbcTemplate jdbc, Object projection) {
        this.jdbc = jdbc;
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    public static <T> ProjectionHarness of(BiFunction<JdbcTemplate, ObjectMapper, T> projection) {
        DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        return new ProjectionHarness(jdbc, projection.apply(jdbc, JSON));
    }

    /** Delivers the event at a ledger position, as recorded now by credential {@code key-1}. */
    public void deliver(long position, Object event) {
        String eventId =
                eventIds.computeIfAbsent(position, p -> UUID.randomUUID().toString());
        MetaData metadata = MetaData.with(LedgerMetadata.CREDENTIAL_ID, "key-1")
                .and(LedgerMetadata.REQUEST_ID, "request-" + position)
                .and(LedgerMetadata.RECORDED_AT, RECORDED.toString())
                .and(LedgerMetadata.LEDGER_POSITION, Long.toString(position));
        try {
            handlers.handle(new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventMessage<>(
                            "Test", "stream-" + position, 0, event, metadata, eventId, RECORDED)));
        } catch (Exception e) {
            throw new IllegalStateException("handler failed for " + event, e);
        }
    }

    public String eventId(long position) {
        return eventIds.get(position);
    }

    public void reset() {
        handlers.prepareReset();
    }

    public List<Map<String, Object>> rows(String sql) {
        return jdbc.queryForList(sql);
    }
}
