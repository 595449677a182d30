package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * The phone number at which the practice reaches a client changed; it is sealed with the client's data
 * key. Revision 2: revision 1 carried it in plaintext.
 */
@Revision("2")
public record ClientContactUpdatedEvent(
        PracticeId practiceId, String clientId, SealedPersonalData phone, Instant occurredAt) implements ClientEvent {}
