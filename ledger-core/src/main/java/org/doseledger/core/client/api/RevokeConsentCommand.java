package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/** Record that a client revoked a consent; no dose may rely on it from {@code effectiveAt} on. */
public record RevokeConsentCommand(
        @TargetAggregateIdentifier ClientRef client,
        String consentId,
        Instant effectiveAt,
        SealedPersonalData reason) {}
