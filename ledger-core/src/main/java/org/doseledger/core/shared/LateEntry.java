package org.doseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a fact is recorded long after it occurred, and the practitioner who co-signs that it is true.
 * Events carry it (null when the entry was timely), so late entries are flagged forever.
 *
 * @param importId the history import the entry was transcribed in (its reason names the source document
 *     and the co-signer is the practitioner who attested the import); null for an entry recorded late in
 *     the ordinary way, and on entries recorded before imports existed
 */
public record LateEntry(
        String reason,
        String cosignedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String importId) {

    /** A late entry recorded in the ordinary way, with its own reason and co-signer. */
    public LateEntry(String reason, String cosignedBy) {
        this(reason, cosignedBy, null);
    }

    /** An entry naming only the history import it belongs to; the ledger fills in the rest. */
    public static LateEntry imported(String importId) {
        return new LateEntry(null, null, importId);
    }

    /** Whether the entry was transcribed from paper history in an import. */
    @JsonIgnore
    public boolean isImported() {
        return importId != null;
    }
}
