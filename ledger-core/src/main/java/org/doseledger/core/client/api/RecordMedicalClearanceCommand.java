package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Record a medical clearance or consultation with the client's medical team.
 *
 * @param practitionerId the in-house prescriber; null for an outside clinician
 * @param clinician name and role of the clinician as written on the clearance
 * @param maxSystolicMmHg blood-pressure condition at dosing, when the clearance sets one
 * @param expiresAt null when the clearance does not expire
 */
public record RecordMedicalClearanceCommand(
        @TargetAggregateIdentifier ClientRef client,
        String clearanceId,
        ClearanceSource source,
        String practitionerId,
        SealedPersonalData clinician,
        Instant clearedAt,
        Integer maxSystolicMmHg,
        Integer maxDiastolicMmHg,
        SealedPersonalData conditions,
        Instant expiresAt) {}
