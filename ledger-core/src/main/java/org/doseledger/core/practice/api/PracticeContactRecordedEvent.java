package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * The practice's phone (ten digits) and contact person were recorded after its registration; they replace
 * those on file for the DEA forms and the PDMP file (PHA10, PHA11) from then on.
 */
@Revision("1")
public record PracticeContactRecordedEvent(PracticeId practiceId, String phone, String contactName, Instant occurredAt)
        implements LedgerEvent {}
