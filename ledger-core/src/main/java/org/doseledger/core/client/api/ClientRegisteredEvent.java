package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * A practice registered a client: legal name, date of birth and address as on file, each sealed with
 * the client's data key. Revision 2: revision 1 carried them in plaintext (docs/personal-data.md).
 * {@code sex} (sealed too: FEMALE, MALE or UNKNOWN, as the PDMP file reports it, ASAP PAT19) is null when
 * not given, and in events recorded before it existed.
 */
@Revision("2")
public record ClientRegisteredEvent(
        PracticeId practiceId,
        String clientId,
        SealedPersonalData legalName,
        SealedPersonalData dateOfBirth,
        SealedPersonalData address,
        Instant occurredAt,
        SealedPersonalData sex)
        implements ClientEvent {

    /** A client registered without their sex on file. */
    public ClientRegisteredEvent(
            PracticeId practiceId,
            String clientId,
            SealedPersonalData legalName,
            SealedPersonalData dateOfBirth,
            SealedPersonalData address,
            Instant occurredAt) {
        this(practiceId, clientId, legalName, dateOfBirth, address, occurredAt, null);
    }
}
