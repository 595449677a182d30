package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.SharedCatchUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class SavepointPerEventHandlerTest {

    private static final String SEGMENT = "Processor[test-read-model]/SegmentId";

    private final Savepoints savepoints = new Savepoints();
    private final ReadModel readModel = new ReadModel();
    private final MessageHandlingMember<? super ReadModel> handler = wrappedHandler(savepoints);

    @Test
    void aSegmentsBatchRunsWithoutSavepoints() throws Exception {
        UnitOfWork<?> batch = batchOfSegment(0);

        handle(batch, "fine");
        batch.commit();

        assertThat(savepoints.log).isEmpty();
        assertThat(readModel.handled).containsExactly("fine");
    }

    @Test
    void aFailureRollsTheBatchBackAndItsRetryRunsBehindSavepointsUntilItCommits() throws Exception {
        UnitOfWork<?> failing = batchOfSegment(0);
        assertThatThrownBy(() -> handle(failing, "fail")).hasMessage("fail");
        // even if the dead letter were stored, the batch must not commit what the handler half-did
        assertThatThrownBy(failing::commit)
                .isInstanceOf(SavepointPerEventHandler.BatchRetriedBehindSavepointsException.class)
                .hasMessageContaining("'test-read-model' failed in segment 0");
        assertThat(savepoints.log).isEmpty();

        UnitOfWork<?> retry = batchOfSegment(0);
        handle(retry, "fine");
        assertThatThrownBy(() -> handle(retry, "fail")).hasMessage("fail");
        retry.commit();
        assertThat(savepoints.log).containsExactly("savepoint", "release", "savepoint", "rollback to savepoint");

        savepoints.log.clear();
        UnitOfWork<?> next = batchOfSegment(0);
        handle(next, "fine");
        next.commit();
        assertThat(savepoints.log)
                .as("back to no savepoints once the retried batch committed")
                .isEmpty();
    }

    @Test
    void aFailureInOneSegmentLeavesTheOthersWithoutSavepoints() throws Exception {
        UnitOfWork<?> failing = batchOfSegment(0);
        assertThatThrownBy(() -> handle(failing, "fail")).hasMessage("fail");
        assertThatThrownBy(failing::commit).isInstanceOf(RuntimeException.class);

        UnitOfWork<?> other = batchOfSegment(1);
        handle(other, "fine");
        other.commit();

        assertThat(savepoints.log).isEmpty();
    }

    @Test
    void onlyABatchWithoutSavepointsMayHoldInsertsBack() throws Exception {
        UnitOfWork<?> fast = batchOfSegment(0);
        handle(fast, "fine");
        assertThat(fast.resources()).containsEntry(BatchedInserts.ALLOWED, Boolean.TRUE);
        assertThatThrownBy(() -> handle(fast, "fail")).hasMessage("fail");
        assertThatThrownBy(fast::commit).isInstanceOf(RuntimeException.class);

        UnitOfWork<?> retry = batchOfSegment(0);
        handle(retry, "fine");
        assertThat(retry.resources()).doesNotContainKey(BatchedInserts.ALLOWED);
        retry.commit();
    }

    @Test
    void aBatchRolledBackForAnyReasonIsRetriedBehindSavepoints() throws Exception {
        // e.g. the held-back inserts failing just before the commit
        UnitOfWork<?> fast = batchOfSegment(0);
        handle(fast, "fine");
        fast.rollback();

        UnitOfWork<?> retry = batchOfSegment(0);
        handle(retry, "fine");
        retry.commit();

        assertThat(savepoints.log).containsExactly("savepoint", "release");
    }

    @Test
    void outsideASegmentsBatchEveryHandlerRunsBehindASavepoint() throws Exception {
        UnitOfWork<?> deadLetterRetry = DefaultUnitOfWork.startAndGet(null);

        handle(deadLetterRetry, "fine");
        deadLetterRetry.commit();

        assertThat(savepoints.log).containsExactly("savepoint", "release");
    }

    @Test
    void aBatchOfTheSharedCatchUpRunsWithoutSavepointsAndAFailureEndsIt() throws Exception {
        UnitOfWork<?> catchUp = DefaultUnitOfWork.startAndGet(null);
        catchUp.resources().put(SharedCatchUp.BATCH, Boolean.TRUE);

        handle(catchUp, "fine");
        assertThatThrownBy(() -> handle(catchUp, "fail")).hasMessage("fail");
        catchUp.rollback();

        assertThat(savepoints.log).isEmpty();
        assertThat(readModel.handled).containsExactly("fine");
    }

    private UnitOfWork<?> batchOfSegment(int segment) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.resources().put(SEGMENT, segment);
        return batch;
    }

    private void handle(UnitOfWork<?> batch, String payload) throws Exception {
        try {
            handler.handle(GenericEventMessage.asEventMessage(payload), readModel);
        } finally {
            if (batch.isActive()) {
                // the unit of work stays current for the next call, as in a batch
                assertThat(batch.phase()).isEqualTo(UnitOfWork.Phase.STARTED);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static MessageHandlingMember<? super ReadModel> wrappedHandler(Savepoints savepoints) {
        MockEnvironment environment =
                new MockEnvironment().withProperty("axon.eventhandling.processors.test-read-model.dlq.enabled", "true");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("transactionManager", savepoints);
        SavepointPerEventHandler enhancer =
                new SavepointPerEventHandler(environment, beans.getBeanProvider(PlatformTransactionManager.class));
        AnnotatedHandlerInspector<ReadModel> inspector = AnnotatedHandlerInspector.inspectType(
                ReadModel.class,
                ClasspathParameterResolverFactory.forClass(ReadModel.class),
                MultiHandlerDefinition.ordered(enhancer, new AnnotatedMessageHandlingMemberDefinition()));
        return inspector.getHandlers(ReadModel.class).findFirst().orElseThrow();
    }

    @ProcessingGroup("test-read-model")
    static class ReadModel {

        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(String event) {
            if (event.equals("fail")) {
                throw new IllegalStateException("fail");
            }
            handled.add(event);
        }
    }

    /** Records the savepoints a handler asks for: nested transactions inside the batch's transaction. */
    static class Savepoints implements PlatformTransactionManager {

        final List<String> log = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            assertThat(definition.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_NESTED);
            log.add("savepoint");
            return new SimpleTransactionStatus(false);
        }

        @Override
        public void commit(TransactionStatus status) {
            log.add("release");
        }

        @Override
        public void rollback(TransactionStatus status) {
            log.add("rollback to savepoint");
        }
    }
}
