package org.doseledger.api.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.projections.client.ClientRegistryProjection;
import org.doseledger.projections.consent.ConsentRegistryProjection;
import org.doseledger.projections.dosing.DosingRegistryProjection;
import org.doseledger.projections.location.LocationRegistryProjection;
import org.doseledger.projections.practice.PracticeRegistryProjection;
import org.doseledger.projections.practitioner.PractitionerRegistryProjection;
import org.doseledger.projections.product.ProductCatalogueProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends generated events to {@code domain_event_entry} in JDBC batches, as Axon's JDBC storage engine
 * stores them: the ledger's Jackson mapper behind Axon's {@link JacksonSerializer} (what
 * {@code axon.serializer.events=jackson} builds), stream sequence numbers from 0, Axon's timestamp format.
 * The command-side lookup tables, which the service writes in the command's transaction, are written by
 * the same subscribing projections in the batch's transaction.
 */
final class EventSink {

    private static final String INSERT = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final List<AnnotationEventHandlerAdapter> lookups;
    private final Map<String, Long> nextSequence = new HashMap<>();
    /** Each practice's last event number, as {@code PracticeSequencer} gives them. */
    private final Map<String, Long> practiceNumbers = new HashMap<>();

    private final List<Object[]> practiceEvents = new ArrayList<>();
    private final Map<String, Long> countsByType = new TreeMap<>();
    private final List<Object[]> rows = new ArrayList<>();
    private final List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
    private final SeededIds ids;
    private long appended;

    EventSink(DataSource dataSource, SeededIds ids) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.serializer = JacksonSerializer.builder()
                .objectMapper(JacksonConfiguration.ledgerMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter())
                .build();
        this.ids = ids;
        var mapper = JacksonConfiguration.ledgerMapper();
        this.lookups = List.of(
                new AnnotationEventHandlerAdapter(new PracticeRegistryProjection(jdbc, mapper)),
                new AnnotationEventHandlerAdapter(new ClientRegistryProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new ConsentRegistryProjection(jdbc, mapper)),
                new AnnotationEventHandlerAdapter(new DosingRegistryProjection(jdbc, mapper)),
                new AnnotationEventHandlerAdapter(new LocationRegistryProjection(jdbc, mapper)),
                new AnnotationEventHandlerAdapter(new PractitionerRegistryProjection(jdbc, mapper)),
                new AnnotationEventHandlerAdapter(new ProductCatalogueProjection(jdbc)));
    }

    /** One request's metadata, as {@code WriteContext} builds it; every event of the request shares it. */
    Map<String, Object> request(String credentialId, String practitionerId, Instant recordedAt) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put("credentialId", credentialId);
        metaData.put("recordedAt", recordedAt.toString());
        metaData.put("requestId", ids.uuid());
        metaData.put("idempotencyKey", ids.uuid());
        if (practitionerId != null) {
            metaData.put("practitionerId", practitionerId);
        }
        return metaData;
    }

    /** Metadata of a fact the ledger records by itself (the overdue-draw sweep). */
    static Map<String, Object> system(String requestId, Instant recordedAt) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put("credentialId", "system");
        metaData.put("recordedAt", recordedAt.toString());
        metaData.put("requestId", requestId);
        return metaData;
    }

    void append(String aggregateType, String aggregateId, Object payload, Map<String, Object> metaData) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        Instant recordedAt = Instant.parse((String) metaData.get("recordedAt"));
        String eventId = ids.uuid();
        var practice = org.doseledger.api.write.PracticeSequencer.practiceOf(payload);
        if (practice.isPresent()) {
            // numbers continue from what the ledger already holds (the service, or an earlier sink, wrote some)
            practiceNumbers.computeIfAbsent(
                    practice.get().value(),
                    id -> jdbc
                            .queryForList(
                                    "select last_sequence from practice_sequence where practice_id = ?", Long.class, id)
                            .stream()
                            .findFirst()
                            .orElse(0L));
            long number = practiceNumbers.merge(practice.get().value(), 1L, Long::sum);
            metaData = new HashMap<>(metaData);
            metaData.put("practiceId", practice.get().value());
            metaData.put("practiceSequence", Long.toString(number));
            practiceEvents.add(new Object[] {practice.get().value(), number, eventId});
        }
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.from(metaData), eventId, recordedAt);
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(message.getMetaData(), byte[].class);
        rows.add(new Object[] {
            eventId,
            aggregateId,
            sequence,
            aggregateType,
            DateTimeUtils.formatInstant(recordedAt),
            data.getType().getName(),
            data.getType().getRevision(),
            data.getData(),
            meta.getData()
        });
        messages.add(message);
        countsByType.merge(payload.getClass().getSimpleName(), 1L, Long::sum);
        appended++;
        if (rows.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(INSERT, rows);
            jdbc.batchUpdate(
                    "insert into practice_event (practice_id, practice_sequence, event_identifier) values (?, ?, ?)",
                    practiceEvents);
            List<Object[]> counters = new ArrayList<>();
            practiceNumbers.forEach((practice, last) -> counters.add(new Object[] {practice, last}));
            jdbc.batchUpdate("""
                    insert into practice_sequence (practice_id, last_sequence) values (?, ?)
                    on conflict (practice_id) do update set last_sequence = excluded.last_sequence
                    """, counters);
            for (GenericDomainEventMessage<?> message : messages) {
                for (AnnotationEventHandlerAdapter lookup : lookups) {
                    if (lookup.canHandle(message)) {
                        try {
                            lookup.handle(message);
                        } catch (Exception e) {
                            throw new IllegalStateException("lookup table refused " + message.getPayloadType(), e);
                        }
                    }
                }
            }
        });
        rows.clear();
        messages.clear();
        practiceEvents.clear();
    }

    long appended() {
        return appended;
    }

    Map<String, Long> countsByType() {
        return countsByType;
    }
}
