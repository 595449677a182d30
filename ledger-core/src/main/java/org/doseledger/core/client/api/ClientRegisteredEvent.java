package org.doseledger.core.client.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/** A practice registered a client: legal name, date of birth and address as on file. */
@Revision("1")
public record ClientRegisteredEvent(
        PracticeId practiceId,
        String clientId,
        PersonName legalName,
        LocalDate dateOfBirth,
        PostalAddress address,
        Instant occurredAt)
        implements ClientEvent {}
