package org.doseledger.core.client.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** A client's weight was measured: kilograms, by whom, when. */
@Revision("1")
public record ClientWeightRecordedEvent(
        PracticeId practiceId, String clientId, BigDecimal kilograms, String measuredBy, Instant occurredAt)
        implements ClientEvent {}
