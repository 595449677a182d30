package org.doseledger.core.practitioner.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;

/**
 * A practitioner's legal name (given and family) and NPI were recorded after their registration; they
 * replace those on file (null: the NPI is not known) for the PDMP file from then on.
 */
@Revision("1")
public record PractitionerIdentityRecordedEvent(
        PracticeId practiceId, String practitionerId, PersonName legalName, String npi, Instant occurredAt)
        implements LedgerEvent {}
