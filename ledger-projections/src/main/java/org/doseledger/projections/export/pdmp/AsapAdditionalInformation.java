package org.doseledger.projections.export.pdmp;

import org.doseledger.core.shared.PersonName;

/**
 * The AIR segment, written when a state asks for it: a state-issued prescription serial number, the
 * person who picked the dose up, and the dispensing pharmacist (here the dispensing practitioner). All
 * elements are optional; codes are the ASAP code lists, written as given.
 *
 * @param rxSerialJurisdiction AIR01, the state that issued the prescription blank
 * @param rxSerialNumber AIR02, the serial number of the state-issued blank
 * @param idJurisdiction AIR03, the state that issued the pick-up person's id
 * @param idQualifier AIR04, the kind of id (06 driver's licence, 02 state-issued id, ...)
 * @param id AIR05, the pick-up person's id number
 * @param relationship AIR06 (01 patient, 02 parent or legal guardian, 03 spouse, 04 caregiver, 99 other)
 * @param person AIR07 family and AIR08 given name of the person dropping off or picking up
 * @param pharmacist AIR09 family (or initials) and AIR10 given name of who dispensed
 * @param droppingOffOrPickingUp AIR11 (01 dropping off, 02 picking up, 03 unknown or not applicable)
 */
public record AsapAdditionalInformation(
        String rxSerialJurisdiction,
        String rxSerialNumber,
        String idJurisdiction,
        String idQualifier,
        String id,
        String relationship,
        PersonName person,
        PersonName pharmacist,
        String droppingOffOrPickingUp) {

    /** Someone picked the take-home dose up: their name and relationship code (01 the patient). */
    public static AsapAdditionalInformation pickedUpBy(PersonName person, String relationship) {
        return new AsapAdditionalInformation(null, null, null, null, null, relationship, person, null, "02");
    }
}
