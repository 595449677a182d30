package org.doseledger.core.shared;

/**
 * Marks a command that starts its stream when the stream does not exist yet (a first receipt of a
 * lot) and appends to it otherwise. Two such commands racing to start one stream are a concurrent
 * change to retry, not an attempt to create an existing record.
 */
public interface CreatesStreamIfMissing {}
