package org.doseledger.core.location.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/**
 * A practice registered a locked storage location; stock lives at a location. {@code address} is where
 * the location is when that is not the practice's registered address, and {@code deaNumber} the DEA
 * registration its stock is held under there (a registration covers one place of business, 21 CFR
 * 1301.12); both null for a location at the practice's registered address, and in events recorded before
 * they existed. {@code remsHealthcareSettingId} is the Spravato REMS certification id of the healthcare
 * setting where sessions at the location take place, null when it is not certified or not given.
 */
@Revision("1")
public record StorageLocationRegisteredEvent(
        PracticeId practiceId,
        String locationId,
        String name,
        LocationKind kind,
        boolean refrigerated,
        Instant occurredAt,
        PostalAddress address,
        String deaNumber,
        String remsHealthcareSettingId)
        implements LedgerEvent {

    /** A location at the practice's registered address. */
    public StorageLocationRegisteredEvent(
            PracticeId practiceId,
            String locationId,
            String name,
            LocationKind kind,
            boolean refrigerated,
            Instant occurredAt) {
        this(practiceId, locationId, name, kind, refrigerated, occurredAt, null, null, null);
    }
}
