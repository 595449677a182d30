package org.doseledger.projections.export.pdmp;

import java.util.Objects;
import org.doseledger.core.shared.PostalAddress;

/**
 * The PHA segment: the practice that dispensed, as registered with the DEA (PracticeRegisteredEvent).
 *
 * @param npi PHA01, the practice's NPI; null: the ledger does not record one
 * @param ncpdpId PHA02, the NCPDP/NABP provider id; null for a practice, which has none
 * @param deaNumber PHA03, the practice's DEA registration number (the key PDMPs file records under)
 * @param name PHA04, the registrant's name
 * @param address PHA05 to PHA09
 * @param phone PHA10, digits only are written; null: the ledger does not record one
 * @param contactName PHA11, whom the PDMP calls about the file; null when none is configured
 */
public record AsapDispenser(
        String npi,
        String ncpdpId,
        String deaNumber,
        String name,
        PostalAddress address,
        String phone,
        String contactName) {

    public AsapDispenser {
        Objects.requireNonNull(deaNumber, "dispenser DEA number");
        Objects.requireNonNull(name, "dispenser name");
        Objects.requireNonNull(address, "dispenser address");
    }
}
