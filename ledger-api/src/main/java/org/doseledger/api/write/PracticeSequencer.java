package org.doseledger.api.write;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.StockLotRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Numbers each practice's events 1, 2, 3... as they are published, in the transaction that appends them:
 * the event's metadata gets {@link LedgerMetadata#PRACTICE_ID} and {@link LedgerMetadata#PRACTICE_SEQUENCE},
 * which its hash covers, and {@code practice_event} finds it by number. The practice's row of {@code
 * practice_sequence} stays locked until the transaction ends, so a rolled-back write gives its numbers back
 * and the sequence never has a gap. An export proves by it that it holds every event of its practice up to
 * its own request (docs/exports.md).
 *
 * <p>An event's practice is its {@code practiceId} component, or its {@code lot}'s; events of no practice
 * (integrity, ADMIN keys) are not numbered.
 */
public class PracticeSequencer implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final Map<Class<?>, Function<Object, PracticeId>> PRACTICE_OF = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;

    public PracticeSequencer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Optional<PracticeId> practice = practiceOf(message.getPayload());
            if (practice.isEmpty()) {
                return message;
            }
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException(
                        "an event of practice " + practice.get().value()
                                + " is published outside a transaction: its number could not be given back");
            }
            Long sequence = jdbc.queryForObject("""
                    insert into practice_sequence (practice_id, last_sequence) values (?, 1)
                    on conflict (practice_id) do update set last_sequence = practice_sequence.last_sequence + 1
                    returning last_sequence
                    """, Long.class, practice.get().value());
            jdbc.update(
                    "insert into practice_event (practice_id, practice_sequence, event_identifier) values (?, ?, ?)",
                    practice.get().value(),
                    sequence,
                    message.getIdentifier());
            Map<String, Object> numbered = new HashMap<>();
            numbered.put(LedgerMetadata.PRACTICE_ID, practice.get().value());
            numbered.put(LedgerMetadata.PRACTICE_SEQUENCE, Long.toString(sequence));
            return message.andMetaData(numbered);
        };
    }

    /** The practice of an event: its {@code practiceId} component, or its {@code lot}'s. */
    public static Optional<PracticeId> practiceOf(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return Optional.empty();
        }
        return Optional.ofNullable(PRACTICE_OF
                .computeIfAbsent(payload.getClass(), PracticeSequencer::accessor)
                .apply(payload));
    }

    private static Function<Object, PracticeId> accessor(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == PracticeId.class && component.getName().equals("practiceId")) {
                return payload -> (PracticeId) invoke(component, payload);
            }
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == StockLotRef.class) {
                return payload -> {
                    StockLotRef lot = (StockLotRef) invoke(component, payload);
                    return lot == null ? null : lot.practiceId();
                };
            }
        }
        return payload -> null;
    }

    private static Object invoke(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + payload.getClass(), e);
        }
    }
}
