package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A consent stopped covering doses because the client signed a newer version of the same document;
 * {@code occurredAt} is when the newer one was signed.
 */
@Revision("1")
public record ConsentSupersededEvent(
        PracticeId practiceId, String clientId, String consentId, String supersededBy, Instant occurredAt)
        implements ClientEvent {}
