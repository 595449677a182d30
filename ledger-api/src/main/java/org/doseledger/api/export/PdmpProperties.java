package org.doseledger.api.export;

import org.doseledger.projections.export.PdmpFileSettings;
import org.doseledger.projections.export.pdmp.AsapFileType;
import org.doseledger.projections.export.pdmp.AsapStateProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PDMP file ({@code ledger.exports.pdmp.*}, docs/exports.md).
 *
 * @param profile the state profile: {@code DEFAULT} (the standard, {@code ~} terminator) or
 *     {@code EXAMPLE_STRICT} (docs/pdmp-asap.md)
 * @param informationSourceId IS01, the id the state PDMP gave the practice; default: the practice's DEA number
 * @param informationSourceName IS02; default: the practice's name
 * @param fileType {@code P} production or {@code T} test (TH07)
 * @param phone PHA10, the practice's phone, which the ledger does not record; optional
 * @param contactName PHA11, whom the PDMP calls about a file; optional
 */
@ConfigurationProperties("ledger.exports.pdmp")
public record PdmpProperties(
        @DefaultValue("DEFAULT") String profile,
        String informationSourceId,
        String informationSourceName,
        @DefaultValue("P") String fileType,
        String phone,
        String contactName) {

    public PdmpProperties {
        stateProfile(profile);
        fileType(fileType);
    }

    /** The settings as the PDMP file writes them. */
    public PdmpFileSettings settings() {
        return new PdmpFileSettings(
                stateProfile(), asapFileType(), informationSourceId, informationSourceName, phone, contactName);
    }

    AsapStateProfile stateProfile() {
        return stateProfile(profile);
    }

    AsapFileType asapFileType() {
        return fileType(fileType);
    }

    private static AsapStateProfile stateProfile(String name) {
        return switch (name) {
            case "DEFAULT" -> AsapStateProfile.DEFAULT;
            case "EXAMPLE_STRICT" -> AsapStateProfile.EXAMPLE_STRICT;
            default ->
                throw new IllegalArgumentException(
                        "ledger.exports.pdmp.profile must be DEFAULT or EXAMPLE_STRICT, not " + name);
        };
    }

    private static AsapFileType fileType(String code) {
        return switch (code) {
            case "P" -> AsapFileType.PRODUCTION;
            case "T" -> AsapFileType.TEST;
            default ->
                throw new IllegalArgumentException(
                        "ledger.exports.pdmp.file-type must be P (production) or T (test), not " + code);
        };
    }
}
