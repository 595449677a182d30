package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * A client's address on file changed, from {@code occurredAt} on; the address is sealed with the
 * client's data key. Revision 2: revision 1 carried it in plaintext.
 */
@Revision("2")
public record ClientAddressChangedEvent(
        PracticeId practiceId, String clientId, SealedPersonalData address, Instant occurredAt)
        implements ClientEvent {}
