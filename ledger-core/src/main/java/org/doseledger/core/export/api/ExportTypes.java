package org.doseledger.core.export.api;

/** Export type names that the ledger's rules depend on. */
public final class ExportTypes {

    /** The state PDMP file (ASAP 4.2) of take-home dispensing. */
    public static final String PDMP_ASAP = "pdmp-asap";

    private ExportTypes() {}
}
