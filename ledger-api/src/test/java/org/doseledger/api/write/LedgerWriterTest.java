package org.doseledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.api.config.LedgerEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Readers are woken once the write's transaction has committed, not before (the rows would not be visible
 * yet) and not at all when it rolls back; once per transaction however many commands it sent.
 */
class LedgerWriterTest {

    record Touch(@TargetAggregateIdentifier String id) {}

    private static final WriteContext CONTEXT = new WriteContext(
            org.doseledger.api.security.ApiCredential.SYSTEM, null, null, null, java.time.Instant.EPOCH);

    private final LedgerEventStore store = mock(LedgerEventStore.class);
    private LedgerWriter writer;

    @BeforeEach
    void aWriterInATransaction() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenReturn(null);
        writer = new LedgerWriter(commands, new AppendedEventsRecorder(), mock(JdbcTemplate.class), store);
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    @AfterEach
    void endTheTransaction() {
        TransactionSynchronizationManager.clear();
    }

    @Test
    void readersAreWokenOnceAfterTheCommit() {
        writer.send(CONTEXT, new Touch("a"));
        writer.send(CONTEXT, new Touch("b"));

        verify(store, never()).eventsCommitted();
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(TransactionSynchronization::afterCommit);
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        verify(store, times(1)).eventsCommitted();
    }

    @Test
    void aRolledBackWriteWakesNobody() {
        writer.send(CONTEXT, new Touch("a"));

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        verify(store, never()).eventsCommitted();
        assertThat(TransactionSynchronizationManager.getSynchronizations()).isNotEmpty();
    }
}
