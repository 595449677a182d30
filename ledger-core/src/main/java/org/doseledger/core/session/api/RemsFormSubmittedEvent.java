package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/** The REMS patient-monitoring form of a Spravato session was submitted; the obligation is closed. */
@Revision("1")
public record RemsFormSubmittedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        String confirmationNumber,
        String submittedBy,
        Instant occurredAt)
        implements ClientEvent {}
