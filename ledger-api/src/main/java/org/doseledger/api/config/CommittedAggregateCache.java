package org.doseledger.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Aggregates kept in memory between commands, so that a long-lived stock lot is not read back from its
 * snapshot (whose size grows with the lot's history) for every command. At most {@code capacity}
 * aggregates, the least recently used leaving first.
 *
 * <p>An entry becomes visible only after the transaction that produced it has committed. Axon puts an
 * aggregate into its cache when the command's unit of work prepares to commit, and evicts it only when
 * that unit of work rolls back; but a command's unit of work can commit inside a larger transaction (a
 * REST write with its idempotency record, a batch whose later item fails) that still rolls back, and an
 * aggregate cached from it would be ahead of the ledger. Such an entry is therefore removed at once and
 * stored after the commit. An entry that is behind the ledger (another node appended to the stream
 * since) is harmless: its next append collides with the stored sequence number, the command fails as a
 * concurrent change, Axon evicts the entry and the write is retried from the database.
 */
final class CommittedAggregateCache implements Cache {

    private final Map<Object, Object> entries;

    CommittedAggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least one aggregate, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store(key, value);
            return;
        }
        remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V present = get(key);
        if (present != null) {
            put(key, update.apply(present));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the ledger's aggregate cache has no entry listeners");
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized void store(Object key, Object value) {
        entries.put(key, value);
    }
}
