package org.doseledger.core.session.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * The client was discharged: criteria met, escort, by whom, when. For esketamine (Spravato) sessions
 * {@code remsFormDueOn} is the last day to submit the REMS patient-monitoring form; null otherwise.
 */
@Revision("2")
public record ClientDischargedEvent(
        PracticeId practiceId,
        String sessionId,
        String clientId,
        boolean criteriaMet,
        SealedPersonalData escort,
        String dischargedBy,
        LocalDate remsFormDueOn,
        Instant occurredAt)
        implements ClientEvent {}
