package org.doseledger.api.processing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.SharedCatchUp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Lets a dead-lettering processing group dead-letter the one event whose handler failed, with nothing of
 * that handler's work kept, without paying for a savepoint on every event.
 *
 * <p>A handler whose SQL fails leaves PostgreSQL's transaction aborted ("commands ignored until end of
 * transaction block"), and the dead letter is stored in that same transaction; a handler that fails
 * half-way may have written some of its rows. Running every handler behind a savepoint solves both, but
 * costs two round trips per event, which was the largest share of a replay's time (docs/benchmarks.md,
 * Projection replay). So a segment's batches run without savepoints until a handler fails; the failure
 * then rolls the whole batch back (whether or not the dead letter could be stored), and the processor
 * retries the batch after its back-off with a savepoint around each handler, so that the failing event
 * is dead-lettered on its own and the others are kept. Once such a batch has committed, the segment runs
 * without savepoints again. Handlers called outside a segment's batch (a retry of dead letters) always
 * run behind a savepoint. A batch without savepoints also lets insert-only read models hold their inserts
 * back and send them as one JDBC batch before the commit ({@link BatchedInserts}); whatever rolls such a
 * batch back, the retry runs behind savepoints and inserts at once. A batch of the shared catch-up
 * ({@link SharedCatchUp}) runs without savepoints too: a failure there ends that read model's lane, and
 * its processor, which goes on from the lane's last batch, dead-letters the event as above.
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final Environment environment;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    /** Segments (processor and segment id) whose last batch failed in a handler. */
    private final Set<String> carefulSegments = ConcurrentHashMap.newKeySet();

    SavepointPerEventHandler(Environment environment, ObjectProvider<PlatformTransactionManager> transactions) {
        this.environment = environment;
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        String group = deadLetteringGroup(original);
        if (group == null) {
            return original;
        }
        String segmentResource = "Processor[" + group + "]/SegmentId";
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
                if (batch != null && batch.resources().containsKey(SharedCatchUp.BATCH)) {
                    // all or nothing: a failure rolls the lane's batch back and ends the lane
                    return super.handle(message, target);
                }
                Object segment = batch == null ? null : batch.resources().get(segmentResource);
                if (segment == null) {
                    return behindSavepoint(() -> super.handle(message, target));
                }
                String key = group + "/" + segment;
                if (carefulSegments.contains(key)) {
                    batch.afterCommit(u -> carefulSegments.remove(key));
                    return behindSavepoint(() -> super.handle(message, target));
                }
                if (batch.resources().putIfAbsent(BatchedInserts.ALLOWED, Boolean.TRUE) == null) {
                    // whatever rolls this batch back (a handler, the held-back inserts, the token), the
                    // retry runs behind savepoints
                    batch.onRollback(u -> carefulSegments.add(key));
                }
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    carefulSegments.add(key);
                    batch.onPrepareCommit(u -> {
                        throw new BatchRetriedBehindSavepointsException(group, segment, e);
                    });
                    throw e;
                }
            }
        };
    }

    private Object behindSavepoint(HandlerCall call) throws Exception {
        PlatformTransactionManager manager = transactions.getObject();
        TransactionStatus savepoint =
                manager.getTransaction(new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        Object result;
        try {
            result = call.handle();
        } catch (Exception | Error e) {
            manager.rollback(savepoint);
            throw e;
        }
        manager.commit(savepoint);
        return result;
    }

    /** The processing group of a handler whose processor dead-letters, or null. */
    private String deadLetteringGroup(MessageHandlingMember<?> member) {
        ProcessingGroup group =
                AnnotatedElementUtils.findMergedAnnotation(member.declaringClass(), ProcessingGroup.class);
        boolean deadLettering = group != null
                && Binder.get(environment)
                        .bind(ProcessorProperties.of(group.value(), "dlq.enabled"), Boolean.class)
                        .orElse(false);
        return deadLettering ? group.value() : null;
    }

    @FunctionalInterface
    private interface HandlerCall {
        Object handle() throws Exception;
    }

    /** Rolls back a batch in which a handler failed without a savepoint, so that it is retried with them. */
    static final class BatchRetriedBehindSavepointsException extends RuntimeException {

        BatchRetriedBehindSavepointsException(String group, Object segment, Throwable cause) {
            super(
                    "An event handler of '" + group + "' failed in segment " + segment
                            + "; the batch is rolled back and retried with a savepoint per event",
                    cause);
        }
    }
}
