package org.doseledger.projections.export.pdmp;

import java.time.LocalDate;
import java.util.Objects;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;

/**
 * The PAT segment: the client the dose was dispensed to, with the personal data the API layer has
 * unsealed (ClientRegisteredEvent, ClientAddressChangedEvent, ClientContactUpdatedEvent): plain values.
 *
 * @param name PAT07 family, PAT08 given, PAT09 middle
 * @param address PAT12 to PAT16, the address on file on the day of the dispensing
 * @param phone PAT17; null when none is on file
 * @param dateOfBirth PAT18
 * @param gender PAT19; null: the ledger does not record it (a state profile may default it to U)
 */
public record AsapPatient(
        PersonName name, PostalAddress address, String phone, LocalDate dateOfBirth, AsapGender gender) {

    public AsapPatient {
        Objects.requireNonNull(name, "patient name");
        Objects.requireNonNull(address, "patient address");
        Objects.requireNonNull(dateOfBirth, "patient date of birth");
    }
}
