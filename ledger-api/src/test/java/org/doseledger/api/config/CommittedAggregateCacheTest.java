package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommittedAggregateCacheTest {

    private final CommittedAggregateCache cache = new CommittedAggregateCache(2);

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionAnEntryIsStoredAtOnce() {
        cache.put("lot-1", "state");

        assertThat(cache.<String, String>get("lot-1")).isEqualTo("state");
        assertThat(cache.containsKey("lot-1")).isTrue();
    }

    @Test
    void insideATransactionAnEntryAppearsOnlyAfterTheCommit() {
        cache.put("lot-1", "committed state");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("lot-1", "uncommitted state");

        assertThat(cache.containsKey("lot-1"))
                .as("neither the old nor the new state while uncommitted")
                .isFalse();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(cache.<String, String>get("lot-1")).isEqualTo("uncommitted state");
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        TransactionSynchronizationManager.initSynchronization();

        cache.put("lot-1", "state of a rolled-back batch");
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(cache.containsKey("lot-1")).isFalse();
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirst() {
        cache.put("lot-1", "a");
        cache.put("lot-2", "b");
        cache.get("lot-1");

        cache.put("lot-3", "c");

        assertThat(cache.containsKey("lot-1")).isTrue();
        assertThat(cache.containsKey("lot-2")).isFalse();
        assertThat(cache.containsKey("lot-3")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aCacheHoldsAtLeastOneEntry() {
        assertThatThrownBy(() -> new CommittedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
