package org.doseledger.api.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandler;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.projections.stock.StockLotProjection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares read-model tables row by row with the event log, independently of the service's own
 * reconciliation: every event a table must hold is there once, at its own global index, and nothing
 * else is. Used by the concurrency and crash tests.
 */
public final class ReadModelsAgainstTheLog {

    private final JdbcTemplate jdbc;

    public ReadModelsAgainstTheLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What one table holds against what it should: positions missing, held by another event, or extra. */
    public record Difference(String table, int expected, List<Long> missing, List<Long> misplaced, List<Long> extra) {

        public boolean none() {
            return missing.isEmpty() && misplaced.isEmpty() && extra.isEmpty();
        }

        @Override
        public String toString() {
            return table + ": " + expected + " expected, " + missing.size() + " missing " + head(missing) + ", "
                    + misplaced.size() + " misplaced " + head(misplaced) + ", " + extra.size() + " extra "
                    + head(extra);
        }

        private static List<Long> head(List<Long> positions) {
            return positions.subList(0, Math.min(10, positions.size()));
        }
    }

    public List<Difference> differences(long fromPosition) {
        Map<Long, Event> log = new TreeMap<>();
        jdbc.query(
                "select global_index, event_identifier, payload_type from domain_event_entry where global_index >= ?",
                rs -> {
                    log.put(rs.getLong(1), new Event(rs.getString(2), rs.getString(3)));
                },
                fromPosition);
        Set<String> stockTypes = handledTypes(StockLotProjection.class);
        return List.of(
                compare("audit_trail", log, event -> true, event -> false, fromPosition),
                // a correction joins a timeline when the entry it corrects is about a client
                compare(
                        "client_timeline",
                        log,
                        event -> isClientEvent(event.payloadType()),
                        event -> event.payloadType().equals(EntryCorrectedEvent.class.getName()),
                        fromPosition),
                compare(
                        "stock_movement",
                        log,
                        event -> stockTypes.contains(event.payloadType()),
                        event -> false,
                        fromPosition));
    }

    private Difference compare(
            String table, Map<Long, Event> log, Predicate<Event> held, Predicate<Event> mayHold, long fromPosition) {
        Map<Long, String> rows = new HashMap<>();
        List<Long> duplicates = new ArrayList<>();
        jdbc.query(
                "select ledger_position, event_id from " + table + " where ledger_position >= ?",
                rs -> {
                    if (rows.put(rs.getLong(1), rs.getString(2)) != null) {
                        duplicates.add(rs.getLong(1));
                    }
                },
                fromPosition);
        Map<String, Long> rowsByEvent =
                rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));
        List<Long> missing = new ArrayList<>();
        List<Long> misplaced = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Long, Event> entry : log.entrySet()) {
            if (!held.test(entry.getValue())) {
                continue;
            }
            expected++;
            String atPosition = rows.get(entry.getKey());
            if (atPosition == null) {
                if (rowsByEvent.containsKey(entry.getValue().id())) {
                    misplaced.add(entry.getKey());
                } else {
                    missing.add(entry.getKey());
                }
            } else if (!atPosition.equals(entry.getValue().id())) {
                misplaced.add(entry.getKey());
            }
        }
        List<Long> extra = Stream.concat(
                        duplicates.stream(), rows.keySet().stream().filter(position -> {
                            Event event = log.get(position);
                            return event == null
                                    || !(held.test(event) || mayHold.test(event))
                                    || !event.id().equals(rows.get(position));
                        }))
                .sorted()
                .toList();
        return new Difference(table, expected, missing, misplaced, extra);
    }

    /** The event types a projection subscribes to: the first parameter of each of its event handlers. */
    private static Set<String> handledTypes(Class<?> projection) {
        return Stream.of(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0].getName())
                .collect(Collectors.toSet());
    }

    private static boolean isClientEvent(String payloadType) {
        try {
            return ClientEvent.class.isAssignableFrom(Class.forName(payloadType));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("event type not on the classpath: " + payloadType, e);
        }
    }

    private record Event(String id, String payloadType) {
        Event {
            Objects.requireNonNull(id);
        }
    }
}
