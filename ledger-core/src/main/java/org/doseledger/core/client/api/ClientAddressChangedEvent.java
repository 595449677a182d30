package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/** A client's address on file changed, from {@code occurredAt} on. */
@Revision("1")
public record ClientAddressChangedEvent(
        PracticeId practiceId, String clientId, PostalAddress address, Instant occurredAt) implements ClientEvent {}
