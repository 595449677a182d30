package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * A practice registered a client: legal name, date of birth and address as on file, each sealed with
 * the client's data key. Revision 2: revision 1 carried them in plaintext (docs/personal-data.md).
 */
@Revision("2")
public record ClientRegisteredEvent(
        PracticeId practiceId,
        String clientId,
        SealedPersonalData legalName,
        SealedPersonalData dateOfBirth,
        SealedPersonalData address,
        Instant occurredAt)
        implements ClientEvent {}
