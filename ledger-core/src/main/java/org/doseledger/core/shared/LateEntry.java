package org.doseledger.core.shared;

/**
 * Why a fact is recorded long after it occurred, and the practitioner who co-signs that it is true.
 * Events carry it (null when the entry was timely), so late entries are flagged forever.
 */
public record LateEntry(String reason, String cosignedBy) {}
