package org.doseledger.core.stock.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Why a dose outside the treatment plan was given, and the second prescriber who approved it. A dose
 * changing more than the policy percentage from the previous session needs the rationale only.
 *
 * @param sealedRationale the rationale sealed under the client's data key (then {@code rationale} is null):
 *     it is free text about the client, and dies with the client's key (docs/personal-data.md)
 */
public record DoseOverride(
        String rationale,
        String approvedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) SealedPersonalData sealedRationale) {

    public DoseOverride(String rationale, String approvedBy) {
        this(rationale, approvedBy, null);
    }

    /** Whether a rationale is given, in plaintext or sealed. */
    @JsonIgnore
    public boolean hasRationale() {
        return sealedRationale != null || (rationale != null && !rationale.isBlank());
    }
}
