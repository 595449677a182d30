package org.doseledger.api.benchmark;

import java.util.Random;
import java.util.UUID;

/** Random choices and ids from one seed, so that the same settings generate the same ledger. */
final class SeededIds {

    private final Random random;

    SeededIds(long seed) {
        this.random = new Random(seed);
    }

    /** A version 4 UUID, as the ledger assigns to events and entries. */
    String uuid() {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** 16 hex digits, the shape of an API key id. */
    String keyId() {
        return String.format("%016x", random.nextLong());
    }

    int between(int fromInclusive, int toInclusive) {
        return fromInclusive + random.nextInt(toInclusive - fromInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(java.util.List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
