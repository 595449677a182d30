package org.doseledger.core.stock;

import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.core.stock.api.SupplierIsTheRegistrantException;
import org.doseledger.core.stock.api.TakeHomeDispensingNotPermittedException;

/** Rules about who the registrant deals with: its suppliers, and who may dispense in its name. */
final class RegistrantRules {

    private RegistrantRules() {}

    /** Stock comes from another registrant: a supplier with the practice's own DEA number is refused. */
    static void requireOtherRegistrant(
            Supplier supplier, PracticeId practiceId, String locationId, Practices practices, Locations locations) {
        if (supplier == null || supplier.deaNumber() == null) {
            return;
        }
        // the registrant receiving is the location's: its own registration at another address, else the practice's
        String own = locations
                .registration(practiceId, locationId)
                .or(() -> practices.deaNumber(practiceId))
                .orElse(null);
        if (supplier.deaNumber().equalsIgnoreCase(String.valueOf(own))) {
            throw new SupplierIsTheRegistrantException(practiceId, supplier.deaNumber());
        }
    }

    /** A nurse who is not also a prescriber dispenses a take-home dose only where the practice's policy permits. */
    static void requireMayDispenseTakeHome(
            Practitioners practitioners, Practices practices, PracticeId practiceId, String dispensedBy) {
        boolean nurseOnly = practitioners
                .find(practiceId, dispensedBy)
                .map(facts -> facts.roles().contains(PractitionerRole.NURSE)
                        && !facts.roles().contains(PractitionerRole.PRESCRIBER))
                .orElse(false);
        if (nurseOnly && !practices.policies(practiceId).nursesMayDispenseTakeHome()) {
            throw new TakeHomeDispensingNotPermittedException(dispensedBy);
        }
    }
}
