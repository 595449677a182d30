package org.doseledger.core.apikey.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A REGULATOR key no longer reads a practice's records, from {@code withdrawnAt} on. */
@Revision("1")
public record PracticeAccessWithdrawnEvent(String keyId, PracticeId practiceId, String reason, Instant withdrawnAt)
        implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
