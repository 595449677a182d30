package org.doseledger.core.integrity.bundle;

/** The names of the files the service hands to regulators, as their manifests and signed notes state them. */
public final class BundleFormats {

    /** The format of a ledger bundle's manifest (all events, their hashes, the tree and its checkpoints). */
    public static final String LEDGER_BUNDLE = "dose-ledger-bundle/1";

    /** The first line of the signed note over an export bundle's manifest. */
    public static final String EXPORT_MANIFEST_NOTE = "dose-ledger-export-manifest/1";

    private BundleFormats() {}

    /** The text the service signs for an export: its id and the SHA-256 of its manifest. */
    public static String manifestNoteText(String exportId, String manifestSha256) {
        return EXPORT_MANIFEST_NOTE + "\nexport " + exportId + "\nmanifest-sha256 " + manifestSha256 + "\n";
    }
}
