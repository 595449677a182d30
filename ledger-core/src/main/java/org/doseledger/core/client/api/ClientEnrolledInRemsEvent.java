package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * The client was enrolled in the Spravato REMS: the patient enrolment id the REMS gave them (sealed with
 * the client's data key), which the REMS monitoring data reports for each of their sessions from then on.
 */
@Revision("1")
public record ClientEnrolledInRemsEvent(
        PracticeId practiceId, String clientId, SealedPersonalData enrolmentId, Instant occurredAt)
        implements ClientEvent {}
