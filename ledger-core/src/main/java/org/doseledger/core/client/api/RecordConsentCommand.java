package org.doseledger.core.client.api;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;

/** Record that a client signed an informed-consent document. */
public record RecordConsentCommand(
        @TargetAggregateIdentifier ClientRef client,
        String consentId,
        ConsentDocument document,
        Instant signedAt,
        SealedPersonalData signedBy,
        SealedPersonalData witnessedBy,
        Set<String> risksAcknowledged,
        Set<Route> routes,
        Set<CareModel> careModels,
        Instant expiresAt) {}
