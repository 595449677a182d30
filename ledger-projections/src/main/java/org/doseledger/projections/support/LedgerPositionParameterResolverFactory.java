package org.doseledger.projections.support;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Resolves {@link LedgerPosition} parameters from the event's metadata. Found by Axon through
 * {@code META-INF/services}, so it works wherever handlers are inspected: in the service's processors
 * and in tests that call handlers directly.
 */
public class LedgerPositionParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Long> createInstance(Executable executable, Parameter[] parameters, int index) {
        Parameter parameter = parameters[index];
        if (!parameter.isAnnotationPresent(LedgerPosition.class)) {
            return null;
        }
        if (parameter.getType() != long.class && parameter.getType() != Long.class) {
            throw new IllegalArgumentException("@LedgerPosition needs a long parameter: " + executable);
        }
        return new ParameterResolver<>() {
            @Override
            public Long resolveParameterValue(Message<?> message) {
                return EventMessages.position((EventMessage<?>) message);
            }

            @Override
            public boolean matches(Message<?> message) {
                // an event without a position fails in resolving, loudly, rather than skipping the handler
                return message instanceof EventMessage<?>;
            }
        };
    }
}
