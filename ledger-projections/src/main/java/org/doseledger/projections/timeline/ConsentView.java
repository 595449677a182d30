package org.doseledger.projections.timeline;

import java.util.List;

/**
 * A consent as its events tell it. {@code status} is ACTIVE or REVOKED (expiry is a time-dependent
 * check left to the reader); {@code history} holds the signature and any revocation, in ledger order.
 */
public record ConsentView(String consentId, String clientId, String status, List<TimelineEntryView> history) {}
