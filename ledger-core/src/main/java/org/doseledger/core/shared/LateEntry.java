package org.doseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a fact is recorded long after it occurred, and the practitioner who co-signs that it is true.
 * Events carry it (null when the entry was timely), so late entries are flagged forever.
 *
 * @param sealedReason the reason of a late entry about a client, sealed under the client's data key (then
 *     {@code reason} is null); null otherwise
 * @param importId the history import the entry was transcribed in (its reason names the source document
 *     and the co-signer is the practitioner who attested the import); null for an entry recorded late in
 *     the ordinary way, and on entries recorded before imports existed
 */
public record LateEntry(
        String reason,
        String cosignedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String importId,
        @JsonInclude(JsonInclude.Include.NON_NULL) SealedPersonalData sealedReason) {

    /** A late entry recorded in the ordinary way, with its own reason and co-signer. */
    public LateEntry(String reason, String cosignedBy) {
        this(reason, cosignedBy, null, null);
    }

    public LateEntry(String reason, String cosignedBy, String importId) {
        this(reason, cosignedBy, importId, null);
    }

    /**
     * A late entry about a client, whose reason is free text that can name the client: sealed under the
     * client's data key like the client's other personal data, so it dies with the key (docs/personal-data.md).
     */
    public static LateEntry sealed(SealedPersonalData reason, String cosignedBy) {
        return new LateEntry(null, cosignedBy, null, reason);
    }

    /** Whether a reason is given, in plaintext or sealed. */
    @JsonIgnore
    public boolean hasReason() {
        return sealedReason != null || (reason != null && !reason.isBlank());
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
