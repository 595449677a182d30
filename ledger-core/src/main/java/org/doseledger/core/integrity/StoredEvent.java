package org.doseledger.core.integrity;

/**
 * One row of the event table as stored, with the hashes stored beside it: what the verifier reads
 * from the database or from an export bundle.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData,
        byte[] previousHash,
        byte[] eventHash) {}
