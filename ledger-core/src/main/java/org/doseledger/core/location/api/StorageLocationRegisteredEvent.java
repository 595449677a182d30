package org.doseledger.core.location.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;

/** A practice registered a locked storage location; stock lives at a location. */
@Revision("1")
public record StorageLocationRegisteredEvent(
        PracticeId practiceId,
        String locationId,
        String name,
        LocationKind kind,
        boolean refrigerated,
        Instant occurredAt)
        implements LedgerEvent {}
