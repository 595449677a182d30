package org.doseledger.core.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * The REMS patient-monitoring form of a Spravato session was submitted; the obligation is closed. The
 * form's answers are recorded as submitted: did the patient experience sedation, dissociation,
 * respiratory depression; were the vital signs in an acceptable range before administration and at the
 * session's completion; and the REMS evaluation question, after how many minutes from the start of
 * administration the patient would have been ready to leave without the 2-hour minimum. They are null
 * in forms recorded before revision 2, which did not record them.
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
        Boolean vitalSignsAcceptableBeforeAdministration,
        Boolean vitalSignsAcceptableAtCompletion,
        Integer readyToLeaveAfterMinutes,
        String submittedBy,
        Instant occurredAt)
        implements ClientEvent {}
