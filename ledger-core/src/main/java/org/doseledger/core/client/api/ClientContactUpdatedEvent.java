package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** The phone number at which the practice reaches a client changed. */
@Revision("1")
public record ClientContactUpdatedEvent(PracticeId practiceId, String clientId, String phone, Instant occurredAt)
        implements ClientEvent {}
