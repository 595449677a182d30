package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * The REMS patient-monitoring form of a Spravato session was submitted; the obligation is closed. The
 * form's three yes/no assessments (did the patient experience sedation, dissociation, respiratory
 * depression) are recorded as submitted; they are null in forms recorded before revision 2, which did
 * not record them.
 */
@Revision("2")
public record RemsFormSubmittedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        String confirmationNumber,
        Boolean sedation,
        Boolean dissociation,
        Boolean respiratoryDepression,
        String submittedBy,
        Instant occurredAt)
        implements ClientEvent {}
