package org.doseledger.api.write;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Collects the events published on this thread while a command runs. The local command bus handles
 * commands on the caller's thread, so a write learns exactly which events it appended.
 */
public class AppendedEventsRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

    private final ThreadLocal<List<EventMessage<?>>> current = new ThreadLocal<>();

    public <T> Recorded<T> recording(Supplier<T> work) {
        List<EventMessage<?>> previous = current.get();
        List<EventMessage<?>> events = new ArrayList<>();
        current.set(events);
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(events));
        } finally {
            current.set(previous);
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            List<EventMessage<?>> events = current.get();
            if (events != null) {
                events.add(message);
            }
            return message;
        };
    }

    /** A result together with the events published while producing it. */
    public record Recorded<T>(T result, List<EventMessage<?>> events) {}
}
