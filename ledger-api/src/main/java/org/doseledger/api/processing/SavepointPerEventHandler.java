package org.doseledger.api.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs each event handler of a dead-lettering processing group behind a savepoint. A handler whose SQL
 * fails leaves PostgreSQL's transaction aborted ("commands ignored until end of transaction block"), and
 * the dead letter is stored in that same transaction: without rolling back to the savepoint first, the
 * enqueue fails too and the whole batch is retried forever instead of the one event being dead-lettered.
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final Environment environment;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    SavepointPerEventHandler(Environment environment, ObjectProvider<PlatformTransactionManager> transactions) {
        this.environment = environment;
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !deadLettering(original)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                PlatformTransactionManager manager = transactions.getObject();
                TransactionStatus savepoint = manager.getTransaction(
                        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    manager.rollback(savepoint);
                    throw e;
                }
                manager.commit(savepoint);
                return result;
            }
        };
    }

    private boolean deadLettering(MessageHandlingMember<?> member) {
        ProcessingGroup group =
                AnnotatedElementUtils.findMergedAnnotation(member.declaringClass(), ProcessingGroup.class);
        return group != null
                && Binder.get(environment)
                        .bind(ProcessorProperties.of(group.value(), "dlq.enabled"), Boolean.class)
                        .orElse(false);
    }
}
