package org.doseledger.api.write;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.doseledger.api.config.LedgerEventStore;
import org.doseledger.core.shared.CreatesStreamIfMissing;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.support.EventMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends one command with the write's metadata and reports the events it appended with their ledger
 * positions. Runs inside the caller's transaction (Axon joins it), so the events, the lookup tables
 * and the idempotency record commit together or not at all. Once that transaction commits, the event
 * store's readers are woken (once per transaction), so read models see the events without waiting for
 * their next poll (docs/decisions/0005-read-model-latency.md).
 */
public class LedgerWriter {

    private final CommandGateway commands;
    private final AppendedEventsRecorder recorder;
    private final JdbcTemplate jdbc;
    private final LedgerEventStore eventStore;
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    private final io.micrometer.core.instrument.MeterRegistry meters;

    public LedgerWriter(
            CommandGateway commands, AppendedEventsRecorder recorder, JdbcTemplate jdbc, LedgerEventStore eventStore) {
        this(commands, recorder, jdbc, eventStore, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** @param meters where the events appended are counted by type once their transaction commits */
    public LedgerWriter(
            CommandGateway commands,
            AppendedEventsRecorder recorder,
            JdbcTemplate jdbc,
            LedgerEventStore eventStore,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.commands = commands;
        this.eventStore = eventStore;
        this.recorder = recorder;
        this.jdbc = jdbc;
    }

    public List<AppendedEvent> send(WriteContext context, Object command) {
        return sendCollecting(context, command).appended();
    }

    /** The events a command appended, with their payloads, for writes that continue from them. */
    public record Sent(List<AppendedEvent> appended, List<Object> payloads) {

        public <T> T payload(Class<T> type) {
            return payloads.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " appended"));
        }
    }

    public Sent sendCollecting(WriteContext context, Object command) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ledger writes run inside a transaction");
        }
        CommandMessage<?> message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData());
        List<String> committed = wakeReadersAfterCommit();
        String target = targets.resolveTarget(message).getIdentifier();
        List<EventMessage<?>> events;
        try {
            events = recorder.recording(() -> commands.sendAndWait(message)).events();
        } catch (AggregateStreamCreationException e) {
            if (command instanceof CreatesStreamIfMissing) {
                throw new ConcurrencyException("stream " + target + " was started concurrently", e);
            }
            throw new RecordAlreadyExistsException(StreamIds.kind(target), StreamIds.id(target));
        } catch (AggregateNotFoundException e) {
            throw new UnknownRecordException(StreamIds.kind(target), StreamIds.id(target));
        }
        events.forEach(event -> committed.add(EventMessages.eventType(event.getPayloadType())));
        return new Sent(
                withPositions(events),
                events.stream()
                        .map(EventMessage::getPayload)
                        .map(Object.class::cast)
                        .toList());
    }

    /**
     * Once per transaction: after it commits, wake the readers and count its events by type (the business
     * metric ledger.events.appended). Answers the transaction's list of appended event types.
     */
    @SuppressWarnings("unchecked")
    private List<String> wakeReadersAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return (List<String>) TransactionSynchronizationManager.getResource(this);
        }
        List<String> appended = new java.util.ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, appended);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LedgerWriter.this);
            }

            @Override
            public void afterCommit() {
                eventStore.eventsCommitted();
                appended.forEach(type ->
                        meters.counter("ledger.events.appended", "type", type).increment());
            }
        });
        return appended;
    }

    private List<AppendedEvent> withPositions(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String[] ids = events.stream().map(EventMessage::getIdentifier).toArray(String[]::new);
        Map<String, Long> positions = jdbc
                .query(
                        "select event_identifier, global_index from domain_event_entry where event_identifier = any (?)",
                        (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)),
                        (Object) ids)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return events.stream()
                .map(event -> new AppendedEvent(
                        event.getIdentifier(),
                        EventMessages.eventType(event.getPayloadType()),
                        positions.getOrDefault(event.getIdentifier(), 0L)))
                .toList();
    }
}
