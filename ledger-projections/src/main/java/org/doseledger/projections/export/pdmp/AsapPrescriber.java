package org.doseledger.projections.export.pdmp;

import java.util.Objects;
import org.doseledger.core.shared.PersonName;

/**
 * The PRE segment: the practitioner who ordered the take-home dose ({@code prescribedBy} of
 * DoseDispensedEvent), from PractitionerRegisteredEvent, PractitionerDeaRegistrationRecordedEvent and
 * PractitionerLicenceRecordedEvent.
 *
 * @param npi PRE01; null: the ledger does not record NPIs
 * @param deaNumber PRE02, the prescriber's own DEA registration (the ledger requires one to prescribe)
 * @param stateLicenceNumber PRE04, the licence of the state the file goes to; null when none
 * @param name PRE05 family, PRE06 given, PRE07 middle; the ledger keeps one name string, which the
 *     caller splits
 * @param phone PRE08; null: the ledger does not record one
 */
public record AsapPrescriber(String npi, String deaNumber, String stateLicenceNumber, PersonName name, String phone) {

    public AsapPrescriber {
        Objects.requireNonNull(deaNumber, "prescriber DEA number");
        Objects.requireNonNull(name, "prescriber name");
    }
}
