package org.doseledger.core.integrity;

/** One sealed link of the global chain as stored: the position, the event hash sealed, the chain hash after it. */
public record ChainEntry(long globalIndex, byte[] eventHash, byte[] chainHash, long checkpointNumber) {}
