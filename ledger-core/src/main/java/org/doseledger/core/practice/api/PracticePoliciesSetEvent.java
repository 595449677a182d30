package org.doseledger.core.practice.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practice's clinical policies were set; each change is a fact of its own. */
@Revision("1")
public record PracticePoliciesSetEvent(PracticeId practiceId, PracticePolicies policies, Instant occurredAt)
        implements LedgerEvent {}
