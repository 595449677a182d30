package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;

/**
 * The client's data key was destroyed after the retention period: every item sealed with it (legal
 * name, date of birth, address, phone) is unreadable from then on, while its events, counts and hashes
 * stay. {@code lastActivityAt} is the latest occurred time of the client's records when it was shredded.
 */
@Revision("1")
public record ClientDataKeyShreddedEvent(
        PracticeId practiceId, String clientId, String keyId, String reason, Instant lastActivityAt, Instant occurredAt)
        implements ClientEvent {}
