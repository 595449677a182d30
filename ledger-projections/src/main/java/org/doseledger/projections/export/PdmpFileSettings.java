package org.doseledger.projections.export;

import org.doseledger.projections.export.pdmp.AsapFileType;
import org.doseledger.projections.export.pdmp.AsapStateProfile;

/**
 * What a PDMP file says of its sender that the ledger does not record (the service reads them from
 * {@code ledger.exports.pdmp.*}, docs/exports.md).
 *
 * @param stateProfile the state's variant of ASAP 4.2
 * @param fileType production or test (TH07)
 * @param informationSourceId IS01; null: the practice's DEA number
 * @param informationSourceName IS02; null: the practice's name
 * @param phone PHA10, the practice's phone; optional
 * @param contactName PHA11, whom the PDMP calls about a file; optional
 */
public record PdmpFileSettings(
        AsapStateProfile stateProfile,
        AsapFileType fileType,
        String informationSourceId,
        String informationSourceName,
        String phone,
        String contactName) {}
